using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>The signed-in user's overview of their account and how it is protected.</summary>
public sealed class SecurityModel(UserManager<ApplicationUser> users, IStringLocalizer<AccountSecurityText> text) : PageModel
{
    public const string SavedPassword = "password";
    public const string SavedDisplayName = "display-name";
    public const string SavedSignedOutEverywhere = "signed-out-everywhere";

    public ApplicationUser Account { get; private set; } = null!;

    /// <summary>Which change was just saved; a fixed word, never text that is shown as given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public string? SavedMessage => Saved switch
    {
        SavedPassword => text["Your password was changed. Other browsers and devices where you were signed in have been signed out."].Value,
        SavedDisplayName => text["Your display name was saved."].Value,
        SavedSignedOutEverywhere => text["You were signed out everywhere else, and apps lost their access. You stay signed in here."].Value,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Account = user;
        return Page();
    }
}
