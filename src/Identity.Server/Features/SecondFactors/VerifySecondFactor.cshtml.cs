using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// The second step of signing in: the default method first, others one click away. Only the waiting
/// sign-in cookie opens this page; codes are sent by POST, or once on arrival when none is live.
/// </summary>
[AllowAnonymous]
public sealed class VerifySecondFactorModel(
    PendingSignIn pending,
    SecondFactorChoices choices,
    SecurityCodeDelivery delivery,
    SecurityCodeStore codes,
    SecondFactorVerifier verifier,
    SecondFactorSignIn signIn,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Method { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberBrowser { get; set; }

    public IReadOnlyList<SecondFactorChoice> Choices { get; private set; } = [];

    public SecondFactorChoice? Current { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Whether the account has two-step verification on; without it this step is a new-device check.</summary>
    public bool TwoStepEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var explicitChoice = Method is not null;
        if (await LoadAsync() is not { } state)
        {
            return LocalRedirect("/account/login");
        }

        // Arriving from the password step: send the default code once; a reload finds it live and sends none.
        if (!explicitChoice && Current?.Method is SecondFactorMethod.Sms or SecondFactorMethod.Email
            && !await codes.HasLiveCodeAsync(state.User.Id, CodePurposes.SignIn, cancellationToken))
        {
            await SendAsync(state, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } state)
        {
            return LocalRedirect("/account/login");
        }

        if (Current?.Method is SecondFactorMethod.Sms or SecondFactorMethod.Email)
        {
            await SendAsync(state, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } state)
        {
            return LocalRedirect("/account/login");
        }

        if (Current is null)
        {
            return Page();
        }

        var check = await verifier.VerifyAsync(state.User, Current.Method, Code, cancellationToken);
        if (check == SecondFactorCheck.Valid)
        {
            await signIn.CompleteAsync(state, Current.Method, RememberBrowser && state.User.TwoFactorEnabled, cancellationToken);
            return LocalRedirect(state.ReturnUrl);
        }

        Code = null;
        ModelState.Remove(nameof(Code));
        ModelState.AddModelError(string.Empty, Describe(check));
        return Page();
    }

    public string Prompt(SecondFactorChoice choice) => choice.Method switch
    {
        SecondFactorMethod.Sms => text["Enter the code we texted to {0}.", choice.MaskedDestination ?? string.Empty],
        SecondFactorMethod.Email => text["Enter the code we emailed to {0}.", choice.MaskedDestination ?? string.Empty],
        SecondFactorMethod.Authenticator => text["Enter the 6-digit code from your authenticator app."],
        _ => text["Enter one of your recovery codes. Each code works once."],
    };

    public string SwitchLabel(SecondFactorChoice choice) => choice.Method switch
    {
        SecondFactorMethod.Sms => text["Text a code to {0}", choice.MaskedDestination ?? string.Empty],
        SecondFactorMethod.Email => text["Email a code to {0}", choice.MaskedDestination ?? string.Empty],
        SecondFactorMethod.Authenticator => text["Use my authenticator app"],
        _ => text["Use a recovery code"],
    };

    private async Task<PendingSignInState?> LoadAsync()
    {
        var state = await pending.GetAsync();
        if (state is null)
        {
            return null;
        }

        TwoStepEnabled = state.User.TwoFactorEnabled;
        Choices = await choices.ForSignInAsync(state.User);
        var requested = SecondFactorMethods.Parse(Method);
        Current = Choices.FirstOrDefault(choice => choice.Method == requested)
            ?? Choices.FirstOrDefault(choice => choice.Method == SecondFactorChoices.Default(state.User, Choices));
        Method = Current?.Method.Name();
        if (Current is null)
        {
            ModelState.AddModelError(string.Empty, text["No way to verify is set up for this account. Contact support to regain access."]);
        }

        return state;
    }

    private async Task SendAsync(PendingSignInState state, CancellationToken cancellationToken)
    {
        var result = await delivery.SendSignInCodeAsync(state.User, Current!.Method, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var (sent, message) = CodeSendMessages.Describe(result, Current.Method == SecondFactorMethod.Email, text);
        if (sent)
        {
            Notice = message;
        }
        else
        {
            ModelState.AddModelError(string.Empty, message);
        }
    }

    private string Describe(SecondFactorCheck check) => check switch
    {
        SecondFactorCheck.Expired => text["This code has expired or was already used. Ask for a new one."],
        SecondFactorCheck.TooManyAttempts => text["Too many wrong codes. Ask for a new one."],
        SecondFactorCheck.Replayed => text["This code was already used. Wait for the next code in your app."],
        SecondFactorCheck.LockedOut => text["Too many attempts. The account is temporarily locked; try again later."],
        _ => text["The code is incorrect. Check it and try again."],
    };
}
