using System.ComponentModel.DataAnnotations;
using Identity.Server.Features.PasswordReset;
using Identity.Server.Features.SecondFactors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.SignIn;

/// <summary>The password step of signing in; with two-step verification on, it hands over to the second step.</summary>
[AllowAnonymous]
public sealed class LoginModel(
    AccountSignIn accounts,
    PasswordResets resets,
    SecondFactorSignIn secondFactor,
    IOpenIddictApplicationManager applications,
    IOptions<AccountOptions> options,
    IStringLocalizer<SignInText> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ClientName { get; private set; }

    public bool AllowRegistration => options.Value.AllowSelfRegistration;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Email = ReturnUrls.Parameter(ReturnUrl, OpenIddictConstants.Parameters.LoginHint);
        await DescribeClientAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await DescribeClientAsync(cancellationToken);
            return Page();
        }

        var (result, user) = await accounts.CheckPasswordAsync(Input.Email!, Input.Password!);
        if (result == PasswordCheckResult.Succeeded)
        {
            // The password is one factor: with two-step verification on, or from a new device, no session until the second.
            if (await secondFactor.AfterPasswordAsync(user!, ReturnUrl, Input.RememberMe, cancellationToken) is { } secondStep)
            {
                return LocalRedirect(secondStep);
            }

            await accounts.SignInAsync(user!, [AuthenticationMethods.Password], Input.RememberMe);
            return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
        }

        if (result == PasswordCheckResult.MustChangePassword)
        {
            // A password an administrator chose is known to two people: no session until the user picks their own.
            return LocalRedirect(await resets.ChangeRequiredPathAsync(user!));
        }

        // One message for an unknown email, a wrong password and a locked account: no enumeration.
        ModelState.AddModelError(string.Empty, result == PasswordCheckResult.NotAllowed
            ? text["Confirm your email address first: follow the link in the email we sent you."]
            : text["The email address or password is incorrect, or the account is temporarily locked. Try again later or reset your password."]);
        await DescribeClientAsync(cancellationToken);
        return Page();
    }

    private async Task DescribeClientAsync(CancellationToken cancellationToken)
    {
        var clientId = ReturnUrls.Parameter(ReturnUrl, OpenIddictConstants.Parameters.ClientId);
        if (clientId is not null && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            ClientName = await applications.GetLocalizedDisplayNameAsync(application, cancellationToken);
        }
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        [Display(Name = "Password")]
        public string? Password { get; set; }

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
