using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Codes;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>
/// Typing the code texted to a new number. The code proves the user holds the phone, so the session
/// gains <c>sms</c> and <c>mfa</c>; in the set-up for a client requiring MFA, two-step verification is
/// turned on here and the way back continues to the client.
/// </summary>
public sealed class VerifyPhoneModel(
    UserManager<ApplicationUser> users,
    SecurityCodeStore codes,
    PhoneNumberChanges changes,
    TwoStepSettings settings,
    SecondFactorSignIn signIn,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    public const string Path = "/account/security/phone/verify";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Confirmed { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? ContinueUrl => ReturnUrl is null ? null : ReturnUrls.Safe(ReturnUrl);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var check = await codes.CheckAsync(user.Id, CodePurposes.VerifyPhone, Code, cancellationToken);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(string.Empty, check.Status switch
            {
                CodeCheckStatus.Invalid => text["The code is incorrect. Check it and try again."],
                CodeCheckStatus.TooManyAttempts => text["Too many wrong codes. Ask for a new one."],
                _ => text["This code has expired or was already used. Ask for a new one."],
            });
            Code = null;
            return Page();
        }

        await changes.ConfirmAsync(user, check.Destination!, cancellationToken);
        await signIn.AddToSessionAsync(user, SecondFactorMethod.Sms);
        if (ReturnUrl is not null)
        {
            NewRecoveryCodes = await settings.TurnOnAsync(user, SecondFactorMethod.Sms, cancellationToken);
        }

        Confirmed = true;
        return Page();
    }
}
