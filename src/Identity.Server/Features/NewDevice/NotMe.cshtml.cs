using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.PasswordReset;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// The "This wasn't me" link of a new-device notice. Opening it only asks: mail scanners open links,
/// and must not sign anyone out. Confirming signs the account out everywhere, revokes every token and
/// authorization, forgets all its devices (the next sign-in anywhere needs a code) and emails a reset link.
/// </summary>
[AllowAnonymous]
public sealed class NotMeModel(
    NotMeLinks links,
    UserManager<ApplicationUser> users,
    SessionRevoker revoker,
    KnownDevices devices,
    PasswordResets resets,
    ILogger<NotMeModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool LinkValid { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LinkValid = await links.FindLiveAsync(Id, Token, cancellationToken) is not null;
        if (!LinkValid)
        {
            NewDeviceLog.NotMeLinkRejected(logger);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await links.FindLiveAsync(Id, Token, cancellationToken) is not { } notice || !await links.UseAsync(notice, cancellationToken)
            || await users.FindByIdAsync(notice.UserId) is not { } user)
        {
            NewDeviceLog.NotMeLinkRejected(logger);
            return Page();
        }

        await revoker.RevokeAsync(user, RevocationReason.NotMe, keepThisSession: false, cancellationToken);
        await devices.ForgetAllAsync(user.Id, cancellationToken);
        await resets.RequestAsync(user.Email!, cancellationToken);
        NewDeviceLog.NotMeUsed(logger, user.Id, "requested");
        Done = true;
        return Page();
    }
}
