using Identity.Server.Data;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>The account's passkeys, with rename and remove. Removing one needs a recent sign-in.</summary>
public sealed class ManagePasskeysModel(
    UserManager<ApplicationUser> users,
    PasskeyList passkeys,
    RecentSignIn recent,
    AccountSignIn accounts,
    IStringLocalizer<PasskeysText> text) : PageModel
{
    public const string Path = "/account/security/passkeys";

    public IReadOnlyList<PasskeyEntry> Passkeys { get; private set; } = [];

    /// <summary>Which change was just saved; a fixed word, never text that is shown as given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public string? SavedMessage => Saved switch
    {
        "added" => text["Your passkey was added. You can now sign in with it instead of your password."].Value,
        "renamed" => text["The passkey was renamed."].Value,
        "removed" => text["The passkey was removed."].Value,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Passkeys = await passkeys.ForAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!recent.IsRecent(User))
        {
            return LocalRedirect(RecentSignIn.ConfirmUrl(Path));
        }

        if (!await passkeys.RemoveAsync(user, id ?? string.Empty))
        {
            ModelState.AddModelError(string.Empty, text["That passkey was not found. It may have been removed already."]);
            Passkeys = await passkeys.ForAsync(user);
            return Page();
        }

        // Removing a passkey changes the security stamp: other sessions end, this one continues.
        await accounts.RefreshAsync(user);
        return LocalRedirect(Path + "?saved=removed");
    }
}
