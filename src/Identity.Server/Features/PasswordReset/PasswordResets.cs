using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.PasswordReset;

/// <summary>
/// Resetting a forgotten password with a link sent by email. Identity's reset changes the security
/// stamp, which makes the link itself unusable a second time; every session then ends and every token
/// and authorization of the account is revoked (<see cref="SessionRevoker"/>). Lockout is left as it is: that is Identity's behaviour.
/// </summary>
public sealed class PasswordResets(
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    EmailLinks links,
    IEmailSender sender,
    SessionRevoker revoker,
    ILogger<PasswordResets> logger)
{
    /// <summary>Sends a link only to a confirmed account, and says nothing either way (no enumeration).</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { EmailConfirmed: true } user)
        {
            PasswordResetLog.NotSent(logger);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.To("/account/reset-password", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = EmailLinks.EncodeCode(token),
        });
        PasswordResetLog.Requested(logger, user.Id, await sender.SendAsync(emails.ResetPassword(user, link), cancellationToken));
    }

    /// <summary>Whether a link still works, so a dead link is reported before a new password is typed.</summary>
    public async Task<bool> IsLinkValidAsync(string? userId, string? code)
    {
        var (user, token) = await ReadLinkAsync(userId, code);
        var valid = user is not null && token is not null && await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
        if (!valid)
        {
            PasswordResetLog.LinkRejected(logger, user is not null);
        }

        return valid;
    }

    public async Task<ResetPasswordResult> ResetAsync(string? userId, string? code, string newPassword, CancellationToken cancellationToken)
    {
        var (user, token) = await ReadLinkAsync(userId, code);
        if (user is null || token is null)
        {
            PasswordResetLog.LinkRejected(logger, user is not null);
            return new ResetPasswordResult.InvalidLink();
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            PasswordResetLog.LinkRejected(logger, knownAccount: true);
            return new ResetPasswordResult.InvalidLink();
        }

        if (!result.Succeeded)
        {
            return new ResetPasswordResult.Rejected([.. result.Errors]);
        }

        await revoker.RevokeAsync(user, RevocationReason.PasswordReset, keepThisSession: false, cancellationToken);
        PasswordResetLog.Reset(logger, user.Id, await sender.SendAsync(emails.PasswordChanged(user), cancellationToken));
        return new ResetPasswordResult.Reset();
    }

    private async Task<(ApplicationUser? User, string? Token)> ReadLinkAsync(string? userId, string? code) =>
        (string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId), EmailLinks.DecodeCode(code));
}
