using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Server.AspNetCore;

namespace Identity.Server.Features.Oidc;

/// <summary>The one way endpoints answer with an OAuth error: OpenIddict writes it, to the validated
/// redirect URI or as JSON, with <c>error</c> and <c>error_description</c>.</summary>
public static class OidcErrors
{
    public static ForbidResult Forbid(string error, string description) =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Properties(error, description));

    public static IResult ForbidResult(string error, string description) =>
        Results.Forbid(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Properties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
