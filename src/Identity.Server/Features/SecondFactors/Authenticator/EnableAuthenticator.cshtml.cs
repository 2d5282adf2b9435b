using Identity.Server.Data;
using Identity.Server.Features.Shared;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors.Authenticator;

/// <summary>
/// Authenticator app enrolment: a QR code and the key in groups of four; the app counts as set up
/// only after it produced a valid code. That code proves the app, so the session gains <c>otp</c> and <c>mfa</c>.
/// </summary>
public sealed class EnableAuthenticatorModel(
    UserManager<ApplicationUser> users,
    AuthenticatorKeys keys,
    AuthenticatorCodes codes,
    TwoStepSettings settings,
    SecondFactorSignIn signIn,
    RecentSignIn recent,
    IOptions<BrandingOptions> branding,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    public const string Path = "/account/security/authenticator";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool HasAuthenticator { get; private set; }

    public string? ReadableKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public bool Enabled { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string ContinueUrl => ReturnUrl is null ? TwoStepSettingsModel.Path : ReturnUrls.Safe(ReturnUrl);

    public async Task<IActionResult> OnGetAsync() => await RequireRecentAsync() switch
    {
        { } redirect => redirect,
        null => await ShowAsync(await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.")),
    };

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var pendingKey = await keys.GetPendingKeyAsync(user);
        var check = pendingKey is null ? AuthenticatorCheck.NotSetUp : await codes.CheckAsync(user.Id, Base32.Decode(pendingKey)!, Code, cancellationToken);
        if (check != AuthenticatorCheck.Valid)
        {
            ModelState.AddModelError(string.Empty, check == AuthenticatorCheck.Replayed
                ? text["This code was already used. Wait for the next code in your app."]
                : text["The code is incorrect. Check that the app shows the account you just added, and try the newest code."]);
            Code = null;
            return await ShowAsync(user);
        }

        await keys.ConfirmAsync(user, pendingKey!, cancellationToken);
        await signIn.AddToSessionAsync(user, SecondFactorMethod.Authenticator);
        NewRecoveryCodes = await settings.TurnOnAsync(user, SecondFactorMethod.Authenticator, cancellationToken);
        await settings.ChangedAsync(user, "authenticator set up", cancellationToken);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await RequireRecentAsync() is { } redirect)
        {
            return redirect;
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        await keys.RemoveAsync(user);
        await settings.FactorRemovedAsync(user, SecondFactorMethod.Authenticator, cancellationToken);
        Notice = text["The authenticator app was removed from your account."];
        return await ShowAsync(user);
    }

    private async Task<IActionResult?> RequireRecentAsync()
    {
        if (await users.GetUserAsync(User) is null)
        {
            return Challenge();
        }

        // The page shows a secret key, so even looking needs a recent sign-in.
        var self = Path + (ReturnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.Safe(ReturnUrl)));
        return recent.IsRecent(User) ? null : LocalRedirect(RecentSignIn.ConfirmUrl(self));
    }

    private async Task<IActionResult> ShowAsync(ApplicationUser user)
    {
        HasAuthenticator = await keys.HasAuthenticatorAsync(user);
        var key = await keys.GetOrCreatePendingKeyAsync(user);
        ReadableKey = AuthenticatorKeys.Readable(key);
        QrCodeDataUri = AuthenticatorKeys.QrCodeDataUri(branding.Value.ProductName, user.Email ?? user.UserName!, key);
        return Page();
    }
}
