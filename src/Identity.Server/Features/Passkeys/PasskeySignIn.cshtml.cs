using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// Passwordless sign-in with a discoverable passkey. The sign-in page's button and email autofill post
/// here; a failure is shown on this page with a way to try again or go back to the password.
/// </summary>
[AllowAnonymous]
public sealed class PasskeySignInModel(
    PasskeyAuthentication passkeys,
    AccountSignIn accounts,
    IStringLocalizer<PasskeysText> text) : PageModel
{
    public const string Path = "/account/passkeys/sign-in";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? BrowserError { get; set; }

    public void OnGet()
    {
    }

    /// <summary>The options for <c>navigator.credentials.get()</c>, fetched by the page's script.</summary>
    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await passkeys.RequestOptionsAsync(PasskeyCeremonyKind.SignIn, user: null), "application/json");

    public async Task<IActionResult> OnPostAsync()
    {
        var check = await passkeys.VerifyAsync(PasskeyCeremonyKind.SignIn, CredentialJson, BrowserError, expectedUserId: null);
        if (check is PasskeyCheck.Verified verified)
        {
            await accounts.SignInAsync(verified.User, PasskeyMethods.Passwordless(verified.UserVerified), persistent: false);
            return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
        }

        CredentialJson = null;
        BrowserError = null;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, PasskeyMessages.Describe(check, text));
        return Page();
    }
}
