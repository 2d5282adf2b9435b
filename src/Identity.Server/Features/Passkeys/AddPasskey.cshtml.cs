using Identity.Server.Data;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// Adds a passkey to the signed-in account. Needs a recent sign-in, so a session left open on a shared
/// computer cannot plant an attacker's passkey (NIST SP 800-63B §6.1.2.3).
/// </summary>
public sealed class AddPasskeyModel(
    UserManager<ApplicationUser> users,
    PasskeyRegistration registration,
    RecentSignIn recent,
    AccountSignIn accounts,
    IStringLocalizer<PasskeysText> text) : PageModel
{
    public const string Path = "/account/security/passkeys/add";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? BrowserError { get; set; }

    public async Task<IActionResult> OnGetAsync() => await GuardAsync() ?? Page();

    /// <summary>The options for <c>navigator.credentials.create()</c>; refused (400) when the name is not valid yet.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await GuardAsync() is not null || !PasskeyNames.Check(Name, ModelState, nameof(Name), text))
        {
            return BadRequest();
        }

        var user = await users.GetUserAsync(User);
        return await registration.HasRoomAsync(user!)
            ? Content(await registration.CreationOptionsAsync(user!), "application/json")
            : BadRequest();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await GuardAsync() is { } redirect)
        {
            return redirect;
        }

        var user = (await users.GetUserAsync(User))!;
        if (PasskeyNames.Check(Name, ModelState, nameof(Name), text))
        {
            var result = await registration.AddAsync(user, Name!.Trim(), CredentialJson, BrowserError);
            if (result == PasskeyAddResult.Added)
            {
                await accounts.RefreshAsync(user);
                return LocalRedirect(ManagePasskeysModel.Path + "?saved=added");
            }

            ModelState.AddModelError(string.Empty, PasskeyMessages.Describe(result, text));
        }

        CredentialJson = null;
        BrowserError = null;
        ModelState.Remove(nameof(CredentialJson));
        ModelState.Remove(nameof(BrowserError));
        return Page();
    }

    private async Task<IActionResult?> GuardAsync()
    {
        if (await users.GetUserAsync(User) is null)
        {
            return Challenge();
        }

        return recent.IsRecent(User) ? null : LocalRedirect(RecentSignIn.ConfirmUrl(Path));
    }
}
