using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// A passkey as the second step of a waiting sign-in (after the password, or a step-up a client asked
/// for). Only the waiting user's own passkeys are offered and accepted.
/// </summary>
[AllowAnonymous]
public sealed class PasskeySecondStepModel(
    PendingSignIn pending,
    PasskeyAuthentication passkeys,
    AccountSignIn accounts,
    IStringLocalizer<PasskeysText> text) : PageModel
{
    public const string Path = "/account/passkeys/two-step";

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? BrowserError { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await pending.GetAsync() is null ? LocalRedirect("/account/login") : Page();

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await pending.GetAsync() is not { } state)
        {
            return BadRequest();
        }

        return Content(await passkeys.RequestOptionsAsync(PasskeyCeremonyKind.SecondStep, state.User), "application/json");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await pending.GetAsync() is not { } state)
        {
            return LocalRedirect("/account/login");
        }

        var check = await passkeys.VerifyAsync(PasskeyCeremonyKind.SecondStep, CredentialJson, BrowserError, state.User.Id);
        if (check is PasskeyCheck.Verified verified)
        {
            await pending.ClearAsync();
            await accounts.SignInAsync(verified.User, PasskeyMethods.AfterPassword(state.PriorMethods), state.RememberMe);
            return LocalRedirect(state.ReturnUrl);
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, PasskeyMessages.Describe(check, text));
        return Page();
    }
}
