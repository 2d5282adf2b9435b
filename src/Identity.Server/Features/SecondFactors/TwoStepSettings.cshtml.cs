using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Turning two-step verification on and off and picking the default method. Also the set-up step for
/// a client that requires MFA of a user who has none (<c>setup=true</c> with the way back).
/// </summary>
public sealed class TwoStepSettingsModel(
    UserManager<ApplicationUser> users,
    SecondFactorChoices choices,
    TwoStepSettings settings,
    RecentSignIn recent,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    public const string Path = "/account/security/two-step";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    [BindProperty]
    public string? DefaultMethod { get; set; }

    public bool Enabled { get; private set; }

    public IReadOnlyList<SecondFactorMethod> Candidates { get; private set; } = [];

    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Where "Continue" leads after set-up: through the second step, back to the client.</summary>
    public string? ContinueUrl => ReturnUrl is null ? null : StepUpModel.For(ReturnUrls.Safe(ReturnUrl));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public Task<IActionResult> OnPostTurnOnAsync(CancellationToken cancellationToken) => ChangeAsync(async user =>
    {
        if (Candidates.Count == 0)
        {
            ModelState.AddModelError(string.Empty, text["Add a mobile phone or an authenticator app first, or confirm your email address."]);
            return;
        }

        NewRecoveryCodes = await settings.TurnOnAsync(user, SecondFactorMethods.Parse(DefaultMethod) ?? Candidates[0], cancellationToken);
        Notice = text["Two-step verification is on."];
    });

    public Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken) => ChangeAsync(async user =>
    {
        await settings.TurnOffAsync(user, cancellationToken);
        Notice = text["Two-step verification is off."];
    });

    public Task<IActionResult> OnPostDefaultAsync() => ChangeAsync(async user =>
    {
        if (SecondFactorMethods.Parse(DefaultMethod) is not { } method || !Candidates.Contains(method))
        {
            ModelState.AddModelError(string.Empty, text["Choose one of the methods you have set up."]);
            return;
        }

        await settings.SetDefaultAsync(user, method);
        Notice = text["Your default method is saved."];
    });

    private async Task<IActionResult> ChangeAsync(Func<ApplicationUser, Task> change)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!recent.IsRecent(User))
        {
            return LocalRedirect(RecentSignIn.ConfirmUrl(SelfUrl()));
        }

        await change(user);
        await LoadAsync();
        return Page();
    }

    private string SelfUrl() =>
        Path + "?setup=" + (Setup ? "true" : "false") + (ReturnUrl is null ? string.Empty : "&returnUrl=" + Uri.EscapeDataString(ReturnUrl));

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            Enabled = await users.GetTwoFactorEnabledAsync(user);
            Candidates = await choices.DefaultCandidatesAsync(user);
            DefaultMethod ??= SecondFactorChoices.Default(user, [.. Candidates.Select(method => new SecondFactorChoice(method))])?.Name();
        }

        return user;
    }
}
