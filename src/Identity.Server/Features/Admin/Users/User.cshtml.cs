using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Identity.Server.Features.PasswordReset;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>One account: its details, factors, roles, grants and recent events, and the one-click actions.</summary>
public sealed class UserModel(
    UserOverview overview,
    UserManager<ApplicationUser> users,
    UserLockout lockout,
    UserSessions sessions,
    TwoStepReset twoStep,
    PasswordResets resets,
    IAuditLog audit,
    IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>Which action just succeeded; a fixed word, never text that is shown as given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public UserDetails Details { get; private set; } = null!;

    public LocalizedString? DoneMessage => Done switch
    {
        "created" => text["The account was created."],
        "invited" => text["The account was created and an invitation was sent."],
        "invitation-failed" => text["The account was created, but the invitation could not be sent. Send a password reset link to try again."],
        "saved" => text["The changes were saved."],
        "locked" => text["The account was locked and its sessions ended."],
        "unlocked" => text["The account was unlocked."],
        "reset-sent" => text["A password reset link was sent."],
        "two-step-reset" => text["Two-step verification was reset. The user sets it up again after signing in."],
        "sessions-ended" => text["All sessions and client access of this account were ended."],
        "grant-revoked" => text["The client's access was revoked."],
        "device-signed-out" => text["The device's sessions were ended."],
        "device-forgotten" => text["The device was forgotten; its next sign-in is checked as a new device."],
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await overview.FindAsync(Id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        ActAsync(user => lockout.UnlockAsync(user, cancellationToken), "unlocked", cancellationToken);

    public Task<IActionResult> OnPostResetTwoStepAsync(CancellationToken cancellationToken) =>
        ActAsync(user => twoStep.ResetAsync(user, cancellationToken), "two-step-reset", cancellationToken);

    public Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken) =>
        ActAsync(user => sessions.EndAllAsync(user, cancellationToken), "sessions-ended", cancellationToken);

    public Task<IActionResult> OnPostSendResetAsync(CancellationToken cancellationToken) =>
        ActAsync(async user =>
        {
            var sent = await resets.SendLinkAsync(user, cancellationToken);
            await audit.RecordAsync(new AuditRecord(AuditEventTypes.AdminPasswordResetSent, sent == EmailSendResult.Sent ? AuditOutcome.Success : AuditOutcome.Failure)
            {
                SubjectUserId = user.Id,
            }, cancellationToken);
            return sent == EmailSendResult.Sent ? AdminActionResult.Done : AdminActionResult.Failed;
        }, "reset-sent", cancellationToken);

    public Task<IActionResult> OnPostRevokeAppAsync(string? applicationId, CancellationToken cancellationToken) =>
        ActAsync(user => string.IsNullOrEmpty(applicationId)
            ? Task.FromResult(AdminActionResult.Failed)
            : sessions.RevokeAppAsync(user, applicationId, cancellationToken), "grant-revoked", cancellationToken);

    public Task<IActionResult> OnPostSignOutDeviceAsync(Guid deviceId, CancellationToken cancellationToken) =>
        ActAsync(user => sessions.EndDeviceAsync(user, deviceId, forget: false, cancellationToken), "device-signed-out", cancellationToken);

    public Task<IActionResult> OnPostForgetDeviceAsync(Guid deviceId, CancellationToken cancellationToken) =>
        ActAsync(user => sessions.EndDeviceAsync(user, deviceId, forget: true, cancellationToken), "device-forgotten", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<ApplicationUser, Task<AdminActionResult>> action, string done, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Id) || await users.FindByIdAsync(Id) is not { } user)
        {
            return NotFound();
        }

        if (await action(user) == AdminActionResult.Done)
        {
            return LocalRedirect($"/admin/users/{Uri.EscapeDataString(user.Id)}?done={done}");
        }

        ModelState.AddModelError(string.Empty, text["That did not work. Reload the page and try again."]);
        return await OnGetAsync(cancellationToken);
    }
}
