using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Asks for the password again before a factor changes when the last sign-in is not recent (see
/// <see cref="RecentSignIn"/>); with two-step verification on, a second factor will do instead.
/// </summary>
public sealed class ConfirmPasswordModel(
    UserManager<ApplicationUser> users,
    AccountSignIn accounts,
    SecondFactorSignIn signIn,
    IStringLocalizer<SecondFactorsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The second step instead of the password, for accounts with two-step verification on.</summary>
    public string? SecondFactorUrl { get; private set; }

    public async Task OnGetAsync() => await DescribeAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user?.Email is null)
        {
            return Challenge();
        }

        var (result, _) = string.IsNullOrEmpty(Password) ? (PasswordCheckResult.Failed, null) : await accounts.CheckPasswordAsync(user.Email, Password);
        if (result != PasswordCheckResult.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result == PasswordCheckResult.LockedOut
                ? text["Too many attempts. The account is temporarily locked; try again later."]
                : text["The password is incorrect."]);
            await DescribeAsync();
            return Page();
        }

        await signIn.RenewSessionAsync(user, AuthenticationMethods.Password);
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }

    private async Task DescribeAsync()
    {
        if (await users.GetUserAsync(User) is { } user && await users.GetTwoFactorEnabledAsync(user))
        {
            SecondFactorUrl = StepUpModel.For(ReturnUrls.Safe(ReturnUrl));
        }
    }
}
