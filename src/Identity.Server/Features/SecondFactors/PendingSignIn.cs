using System.Globalization;
using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors;

/// <summary>A sign-in that has passed the password (or an existing session) and waits for a second factor.</summary>
public sealed record PendingSignInState(ApplicationUser User, string ReturnUrl, bool RememberMe, IReadOnlyList<string> PriorMethods);

/// <summary>
/// Holds the waiting sign-in in Identity's two-factor user-id cookie (<see cref="IdentityConstants.TwoFactorUserIdScheme"/>):
/// protected, short-lived, and no session — the application cookie is issued only after the second factor.
/// The security stamp is kept so a password reset in between voids the waiting sign-in.
/// </summary>
public sealed class PendingSignIn(
    IHttpContextAccessor accessor,
    UserManager<ApplicationUser> users,
    TimeProvider time,
    IOptions<SecondFactorOptions> options)
{
    private const string ReturnUrlClaim = "return_url";
    private const string RememberMeClaim = "remember_me";
    private const string StampClaim = "security_stamp";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public async Task StartAsync(ApplicationUser user, string? returnUrl, bool rememberMe, IEnumerable<string> priorMethods)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(ReturnUrlClaim, ReturnUrls.Safe(returnUrl)));
        identity.AddClaim(new Claim(RememberMeClaim, rememberMe.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? string.Empty));
        foreach (var method in priorMethods.Distinct())
        {
            identity.AddClaim(new Claim(SignInClaimTypes.AuthenticationMethod, method));
        }

        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = time.GetUtcNow() + options.Value.PendingSignInLifetime,
        });
    }

    /// <summary>The waiting sign-in, or null when there is none, it expired, or the account changed since.</summary>
    public async Task<PendingSignInState?> GetAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(ClaimTypes.Name) is not { } userId)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || !string.Equals(user.SecurityStamp ?? string.Empty, result.Principal.FindFirstValue(StampClaim), StringComparison.Ordinal))
        {
            return null;
        }

        return new PendingSignInState(
            user,
            ReturnUrls.Safe(result.Principal.FindFirstValue(ReturnUrlClaim)),
            bool.TryParse(result.Principal.FindFirstValue(RememberMeClaim), out var remember) && remember,
            result.Principal.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value).ToList());
    }

    public Task ClearAsync() => Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
