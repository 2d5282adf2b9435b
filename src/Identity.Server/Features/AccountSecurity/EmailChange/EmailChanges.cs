using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>
/// Changing the address of an account. The new address must prove itself with a link first, so a
/// typo or a stolen session cannot move the account to an address its owner does not read; the old
/// address is told afterwards. The address is also the user name, so both change together.
/// </summary>
public sealed class EmailChanges(
    UserManager<ApplicationUser> users,
    EmailChangeMessages messages,
    EmailLinks links,
    IEmailSender sender,
    AccountSignIn sessions,
    IAuditLog audit,
    ILogger<EmailChanges> logger)
{
    public const string ConfirmPath = "/account/confirm-email-change";

    public async Task<EmailChangeRequestResult> RequestAsync(ApplicationUser user, string newEmail, CancellationToken cancellationToken)
    {
        if (string.Equals(users.NormalizeEmail(newEmail), users.NormalizeEmail(user.Email), StringComparison.Ordinal))
        {
            return EmailChangeRequestResult.SameAddress;
        }

        // Same answer and one email either way: the page must not reveal which addresses have accounts.
        if ((await users.FindByEmailAsync(newEmail) ?? await users.FindByNameAsync(newEmail)) is { } owner)
        {
            var notice = owner.Email is null ? (EmailSendResult?)null : await sender.SendAsync(messages.AddressInUse(owner), cancellationToken);
            EmailChangeLog.AddressInUse(logger, user.Id, notice);
            return notice == EmailSendResult.Failed ? EmailChangeRequestResult.SendFailed : EmailChangeRequestResult.LinkSent;
        }

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = links.To(ConfirmPath, new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["email"] = newEmail,
            ["code"] = EmailLinks.EncodeCode(token),
        });
        var sent = await sender.SendAsync(messages.ConfirmNewAddress(user, newEmail, link), cancellationToken);
        EmailChangeLog.Requested(logger, user.Id, EmailAddressMask.Mask(newEmail), sent);
        return sent == EmailSendResult.Sent ? EmailChangeRequestResult.LinkSent : EmailChangeRequestResult.SendFailed;
    }

    /// <summary>A new link for the current address, through the registration's /account/confirm-email page.</summary>
    public async Task<EmailSendResult> ResendConfirmationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.To("/account/confirm-email", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = EmailLinks.EncodeCode(token) });
        var sent = await sender.SendAsync(messages.ConfirmCurrentAddress(user, link), cancellationToken);
        EmailChangeLog.ConfirmationResent(logger, user.Id, sent);
        return sent;
    }

    /// <summary>
    /// Whether the browser holds a session of another account than the link's. Completing the change
    /// there would confuse whose address changed, and a link planted in someone else's session is a
    /// login-CSRF shape; such a browser is asked to sign out first.
    /// </summary>
    public bool IsOtherAccount(ClaimsPrincipal visitor, string? userId) =>
        visitor.Identity?.IsAuthenticated == true && !string.Equals(users.GetUserId(visitor), userId, StringComparison.Ordinal);

    public async Task<ConfirmEmailChangeResult> ConfirmAsync(ClaimsPrincipal visitor, EmailChangeLink link, CancellationToken cancellationToken)
    {
        if (IsOtherAccount(visitor, link.UserId))
        {
            EmailChangeLog.OtherAccountSignedIn(logger, users.GetUserId(visitor)!);
            return ConfirmEmailChangeResult.OtherAccountSignedIn;
        }

        var user = string.IsNullOrEmpty(link.UserId) ? null : await users.FindByIdAsync(link.UserId);
        var token = EmailLinks.DecodeCode(link.Code);
        if (user?.Email is null || token is null || string.IsNullOrWhiteSpace(link.Email))
        {
            EmailChangeLog.LinkRejected(logger, user is not null, "malformed");
            return ConfirmEmailChangeResult.InvalidLink;
        }

        var oldEmail = user.Email;

        // Set before ChangeEmailAsync so its one update saves both: a wrong token or a name or address
        // taken meanwhile then saves nothing, instead of an account whose name and address disagree.
        user.UserName = link.Email;
        var result = await users.ChangeEmailAsync(user, link.Email, token);
        if (!result.Succeeded)
        {
            EmailChangeLog.LinkRejected(logger, true, string.Join(' ', result.Errors.Select(error => error.Code)));
            return ConfirmEmailChangeResult.InvalidLink;
        }

        // ChangeEmailAsync gave the account a new security stamp: other sessions end at their next check.
        if (visitor.Identity?.IsAuthenticated == true)
        {
            await sessions.RefreshAsync(user);
        }

        var notice = await sender.SendAsync(messages.AddressChanged(user, oldEmail, await ResetLinkAsync(user)), cancellationToken);
        EmailChangeLog.Changed(logger, user.Id, EmailAddressMask.Mask(oldEmail), EmailAddressMask.Mask(user.Email), notice);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.EmailChange, user.Id)
            .With("from", EmailAddressMask.Mask(oldEmail)).With("to", EmailAddressMask.Mask(user.Email)), cancellationToken);
        return ConfirmEmailChangeResult.Changed;
    }

    /// <summary>
    /// A reset link straight to this account: "forgot password" with the old address would find no
    /// account any more, leaving the owner of a hijacked account without a way back.
    /// </summary>
    private async Task<string> ResetLinkAsync(ApplicationUser user) =>
        links.To("/account/reset-password", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = EmailLinks.EncodeCode(await users.GeneratePasswordResetTokenAsync(user)),
        });
}

