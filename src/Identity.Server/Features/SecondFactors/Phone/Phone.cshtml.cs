using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>Adding, changing and removing the mobile phone. A new number is saved only once a code or link sent to it comes back.</summary>
public sealed class PhoneModel(
    UserManager<ApplicationUser> users,
    SecurityCodeDelivery delivery,
    PhoneNumberChanges changes,
    RecentSignIn recent,
    IOptions<SecondFactorOptions> options,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    public const string Path = "/account/security/phone";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? PhoneNumber { get; set; }

    public string? CurrentNumber { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!recent.IsRecent(User))
        {
            return LocalRedirect(RecentSignIn.ConfirmUrl(SelfUrl()));
        }

        var (number, problem) = PhoneNumberNormalizer.Normalize(PhoneNumber, options.Value.DefaultPhoneRegion);
        if (number is null)
        {
            // Summary-level: the shared summary box shows only those, and would otherwise stand empty.
            ModelState.AddModelError(string.Empty, problem == PhoneNumberProblem.NotMobile
                ? text["This is not a mobile number. Enter a number that can receive text messages."]
                : text["This is not a valid phone number. Include the country code, for example +31 6 12345678."]);
            return Page();
        }

        var result = await delivery.SendPhoneVerificationAsync(user, number, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var (sent, message) = CodeSendMessages.Describe(result, byEmail: false, text);
        if (!sent)
        {
            ModelState.AddModelError(string.Empty, message);
            return Page();
        }

        return LocalRedirect(VerifyPhoneModel.Path + (ReturnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(ReturnUrl)));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!recent.IsRecent(User))
        {
            return LocalRedirect(RecentSignIn.ConfirmUrl(SelfUrl()));
        }

        await changes.RemoveAsync(user, cancellationToken);
        CurrentNumber = null;
        Notice = text["Your mobile phone number was removed."];
        return Page();
    }

    private string SelfUrl() => Path + (ReturnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.Safe(ReturnUrl)));

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        CurrentNumber = user is { PhoneNumber: { } phone, PhoneNumberConfirmed: true } ? PhoneMask.ForDisplay(phone) : null;
        return user;
    }
}
