using System.Globalization;
using System.Security.Claims;
using Identity.Server.Features.SignIn;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Changing a factor needs a recent sign-in, so a session left open on a shared computer cannot be
/// used to take the account over (NIST SP 800-63B §6.1.2.3 re-authentication before binding).
/// </summary>
public sealed class RecentSignIn(TimeProvider time, IOptions<SecondFactorOptions> options)
{
    public const string ConfirmPath = "/account/security/confirm-password";

    public bool IsRecent(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignInClaimTypes.AuthenticationTime)?.Value, CultureInfo.InvariantCulture, out var seconds)
        && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= options.Value.RecentSignInWindow;

    /// <summary>The page that asks for the password again, then returns to <paramref name="returnUrl"/>.</summary>
    public static string ConfirmUrl(string returnUrl) => ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.Safe(returnUrl));
}
