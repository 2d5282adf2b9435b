using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.NewDevice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>The browsers the account passed a sign-in challenge on: rename, forget, sign out one, or sign out everywhere.</summary>
public sealed class DevicesModel(
    UserManager<ApplicationUser> users,
    KnownDevices devices,
    SessionRevoker revoker,
    IStringLocalizer<AccountSecurityText> text,
    ILogger<DevicesModel> logger) : PageModel
{
    public const string Path = "/account/security/devices";

    public IReadOnlyList<KnownDevice> Devices { get; private set; } = [];

    public Guid? ThisDevice { get; private set; }

    public bool HasPhone { get; private set; }

    [BindProperty]
    public bool NotifyBySms { get; set; }

    [BindProperty]
    public Guid DeviceId { get; set; }

    [BindProperty]
    [StringLength(64, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Device name")]
    public string? Name { get; set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = done switch
        {
            "renamed" => text["The device was renamed."].Value,
            "forgotten" => text["The device was forgotten. Signing in from it will need a code again."].Value,
            "signed-out" => text["The device was signed out."].Value,
            "notices" => text["Your notice settings were saved."].Value,
            _ => null,
        };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Every device has its own name field, so the message goes above the list rather than beside one of them.
            foreach (var error in ModelState[nameof(Name)]?.Errors.ToList() ?? [])
            {
                ModelState.AddModelError(string.Empty, error.ErrorMessage);
            }

            return await ShowAsync(cancellationToken);
        }

        return await ActAsync("renamed", (user, ct) => devices.RenameAsync(user.Id, DeviceId, Name, ct), cancellationToken);
    }

    public Task<IActionResult> OnPostForgetAsync(CancellationToken cancellationToken) =>
        ActAsync("forgotten", (user, ct) => devices.ForgetAsync(user.Id, DeviceId, ct), cancellationToken);

    public Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken) =>
        ActAsync("signed-out", (user, ct) => devices.SignOutAsync(user.Id, DeviceId, ct), cancellationToken);

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await revoker.RevokeAsync(user, RevocationReason.SignOutEverywhere, keepThisSession: true, cancellationToken);
        return LocalRedirect("/account/security?saved=" + SecurityModel.SavedSignedOutEverywhere);
    }

    public async Task<IActionResult> OnPostNoticesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        user.NotifyNewDeviceBySms = NotifyBySms && user.PhoneNumberConfirmed;
        await users.UpdateAsync(user);
        AccountSecurityLog.DeviceChanged(logger, user.Id, "text notices " + (user.NotifyNewDeviceBySms ? "on" : "off"));
        return LocalRedirect(Path + "?done=notices");
    }

    /// <summary>"Chrome on Windows", or the name the owner gave it.</summary>
    public static string Label(KnownDevice device, IStringLocalizer<AccountSecurityText> text) =>
        device.Name ?? text["{0} on {1}", device.Browser ?? text["Unknown browser"], device.Platform ?? text["unknown system"]];

    public static string When(DateTimeOffset moment) => moment.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    private async Task<IActionResult> ActAsync(string done, Func<ApplicationUser, CancellationToken, Task<bool>> action, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // Only the account's own devices are found; another id changes nothing and says so in the same way.
        if (!await action(user, cancellationToken))
        {
            return NotFound();
        }

        AccountSecurityLog.DeviceChanged(logger, user.Id, done);
        return LocalRedirect(Path + "?done=" + done);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Devices = await devices.ListAsync(user.Id, cancellationToken);
        ThisDevice = DeviceSessions.DeviceOf(User);
        HasPhone = user.PhoneNumberConfirmed && user.PhoneNumber is not null;
        NotifyBySms = user.NotifyNewDeviceBySms;
        return Page();
    }
}
