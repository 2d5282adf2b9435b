using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Where the authorization endpoint sends a signed-in user whose session lacks a second factor that
/// the client requires: to the second step if they have one, otherwise to set one up first.
/// </summary>
public sealed class StepUpModel(UserManager<ApplicationUser> users, SecondFactorSignIn signIn) : PageModel
{
    public const string Path = "/account/two-step/step-up";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return LocalRedirect("/account/login");
        }

        var target = ReturnUrls.Safe(returnUrl);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return LocalRedirect(TwoStepSettingsModel.Path + "?setup=true&returnUrl=" + Uri.EscapeDataString(target));
        }

        await signIn.StartStepUpAsync(user, target);
        return LocalRedirect(SecondFactorSignIn.ChallengePath);
    }

    public static string For(string returnUrl) => Path + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
