using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors.RecoveryCodes;

/// <summary>How many recovery codes are left, and making a new set (shown once; the old set stops working).</summary>
public sealed class RecoveryCodesModel(
    UserManager<ApplicationUser> users,
    TwoStepSettings settings,
    RecentSignIn recent,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    public const string Path = "/account/security/recovery-codes";

    public int Left { get; private set; }

    public bool Enabled { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!recent.IsRecent(User))
        {
            return LocalRedirect(RecentSignIn.ConfirmUrl(Path));
        }

        if (!Enabled)
        {
            ModelState.AddModelError(string.Empty, text["Turn on two-step verification first."]);
            return Page();
        }

        NewRecoveryCodes = await settings.RegenerateRecoveryCodesAsync(user);
        await LoadAsync();
        return Page();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            Enabled = await users.GetTwoFactorEnabledAsync(user);
            Left = await users.CountRecoveryCodesAsync(user);
        }

        return user;
    }
}
