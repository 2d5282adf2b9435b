using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>
/// A signed-in user changing their password. The other sessions end and every token and authorization
/// of the account is revoked (<see cref="SessionRevoker"/>); this browser's session is reissued with
/// the new stamp, and the owner is told by email.
/// </summary>
public sealed class PasswordChange(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    SessionRevoker revoker,
    AccountEmails emails,
    IEmailSender sender,
    IAuditLog audit,
    ILogger<PasswordChange> logger)
{
    public async Task<ChangePasswordResult> ChangeAsync(ApplicationUser user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        // Counted like a sign-in attempt: someone holding a stolen session cannot guess the password without end.
        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            AccountSecurityLog.PasswordChangeRejected(logger, user.Id, check.IsLockedOut ? "locked out" : "wrong current password");
            await audit.RecordAsync(AuditRecord.Failed(AuditEventTypes.PasswordChange, user.Id)
                .With("reason", check.IsLockedOut ? "locked_out" : "wrong_current_password"), cancellationToken);
            return check.IsLockedOut ? new ChangePasswordResult.LockedOut() : new ChangePasswordResult.WrongPassword();
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            AccountSecurityLog.PasswordChangeRejected(logger, user.Id, string.Join(' ', result.Errors.Select(error => error.Code)));
            return new ChangePasswordResult.Rejected([.. result.Errors]);
        }

        await revoker.RevokeAsync(user, RevocationReason.PasswordChanged, keepThisSession: true, cancellationToken);
        AccountSecurityLog.PasswordChanged(logger, user.Id, await sender.SendAsync(emails.PasswordChanged(user), cancellationToken));
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.PasswordChange, user.Id), cancellationToken);
        return new ChangePasswordResult.Changed();
    }
}
