using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc;

/// <summary>
/// Decides, in one place, which claims go into which token. OpenIddict leaves out a claim that has
/// no destination, so a claim not listed here stays private to authorization codes and refresh tokens.
/// Personal data is released only when the scope that covers it was granted (OIDC Core §5.4).
/// </summary>
public static class ClaimDestinations
{
    private static readonly string[] Both = [Destinations.AccessToken, Destinations.IdentityToken];
    private static readonly string[] None = [];

    public static IEnumerable<string> For(Claim claim)
    {
        bool Granted(string scope) => claim.Subject?.HasScope(scope) == true;

        return claim.Type switch
        {
            Claims.Subject => Both,
            Claims.AuthenticationMethodReference or Claims.AuthenticationTime => Both,
            Claims.AuthenticationContextReference => [Destinations.IdentityToken],
            Claims.Name or Claims.PreferredUsername or Claims.Locale when Granted(Scopes.Profile) => Both,
            Claims.Email or Claims.EmailVerified when Granted(Scopes.Email) => Both,
            Claims.PhoneNumber or Claims.PhoneNumberVerified when Granted(Scopes.Phone) => Both,
            Claims.Role when Granted(Scopes.Roles) => Both,
            _ => None,
        };
    }
}
