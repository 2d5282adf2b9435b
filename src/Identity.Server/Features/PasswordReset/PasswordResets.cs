using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.PasswordReset;

/// <summary>
/// Resetting a forgotten password with a link sent by email. Identity's reset changes the security
/// stamp, which makes the link itself unusable a second time; every session then ends and every token
/// and authorization of the account is revoked (<see cref="SessionRevoker"/>). Lockout is left as it is: that is Identity's behaviour.
/// The same link sets the first password of an invited account and replaces an initial password an
/// administrator chose.
/// </summary>
public sealed class PasswordResets(
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    EmailLinks links,
    IEmailSender sender,
    SessionRevoker revoker,
    IAuditLog audit,
    ILogger<PasswordResets> logger)
{
    public const string ResetPath = "/account/reset-password";

    /// <summary>Sends a link only to a confirmed account, and says nothing either way (no enumeration).</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { EmailConfirmed: true } user)
        {
            PasswordResetLog.NotSent(logger);
            return;
        }

        await SendLinkAsync(user, cancellationToken);
    }

    /// <summary>Sends a reset link to the account's address, confirmed or not (an administrator asked for it).</summary>
    public async Task<EmailSendResult> SendLinkAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var sent = await sender.SendAsync(emails.ResetPassword(user, links.To(ResetPath, await LinkQueryAsync(user))), cancellationToken);
        PasswordResetLog.Requested(logger, user.Id, sent);
        return sent;
    }

    /// <summary>Invites a new account to choose its first password.</summary>
    public async Task<EmailSendResult> SendInvitationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var query = await LinkQueryAsync(user);
        query["reason"] = ResetReasons.Invitation;
        var sent = await sender.SendAsync(emails.Invitation(user, links.To(ResetPath, query)), cancellationToken);
        PasswordResetLog.Requested(logger, user.Id, sent);
        return sent;
    }

    /// <summary>Where a user goes to replace a password an administrator chose (no email: they just proved the password).</summary>
    public async Task<string> ChangeRequiredPathAsync(ApplicationUser user)
    {
        var query = await LinkQueryAsync(user);
        query["reason"] = ResetReasons.InitialPassword;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ResetPath, query);
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
            return await RejectLinkAsync(user);
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return await RejectLinkAsync(user);
        }

        if (!result.Succeeded)
        {
            return new ResetPasswordResult.Rejected([.. result.Errors]);
        }

        await FinishAccountAsync(user);
        await revoker.RevokeAsync(user, RevocationReason.PasswordReset, keepThisSession: false, cancellationToken);
        PasswordResetLog.Reset(logger, user.Id, await sender.SendAsync(emails.PasswordChanged(user), cancellationToken));
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.PasswordReset, user.Id), cancellationToken);
        return new ResetPasswordResult.Reset();
    }

    /// <summary>
    /// The link was delivered to the account's address, so using it proves the address (an invited
    /// account confirms it this way), and the password is now the user's own choice.
    /// </summary>
    private async Task FinishAccountAsync(ApplicationUser user)
    {
        if (!user.EmailConfirmed || user.MustChangePassword)
        {
            user.EmailConfirmed = true;
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
    }

    private async Task<ResetPasswordResult> RejectLinkAsync(ApplicationUser? user)
    {
        PasswordResetLog.LinkRejected(logger, user is not null);
        if (user is not null)
        {
            await audit.RecordAsync(AuditRecord.Failed(AuditEventTypes.PasswordReset, user.Id).With("reason", "invalid_link"));
        }

        return new ResetPasswordResult.InvalidLink();
    }

    private async Task<Dictionary<string, string?>> LinkQueryAsync(ApplicationUser user) => new()
    {
        ["userId"] = user.Id,
        ["code"] = EmailLinks.EncodeCode(await users.GeneratePasswordResetTokenAsync(user)),
    };

    private async Task<(ApplicationUser? User, string? Token)> ReadLinkAsync(string? userId, string? code) =>
        (string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId), EmailLinks.DecodeCode(code));
}

/// <summary>Why the reset page was opened, for its opening line; a fixed word, never shown as given.</summary>
public static class ResetReasons
{
    public const string Invitation = "invitation";
    public const string InitialPassword = "initial";
}
