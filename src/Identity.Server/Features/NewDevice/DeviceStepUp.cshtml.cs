using Identity.Server.Data;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// Where the authorization endpoint sends a signed-in user whose session has not passed this client's
/// device policy: to a one-time code through the second-factor step, which any account can take
/// (a texted or emailed code), so unlike MFA step-up nothing needs setting up first.
/// </summary>
public sealed class DeviceStepUpModel(UserManager<ApplicationUser> users, SecondFactorSignIn signIn) : PageModel
{
    public const string Path = "/account/new-device";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return LocalRedirect("/account/login");
        }

        await signIn.StartStepUpAsync(user, ReturnUrls.Safe(returnUrl));
        return LocalRedirect(SecondFactorSignIn.ChallengePath);
    }

    public static string For(string returnUrl) => Path + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
