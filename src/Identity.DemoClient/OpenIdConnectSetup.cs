using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Identity.DemoClient;

/// <summary>The OpenID Connect handler settings: code flow with PKCE against the identity server.</summary>
internal static class OpenIdConnectSetup
{
    // Claims the page exists to show. The handler's defaults delete acr; amr and auth_time are
    // listed too so a change in those defaults cannot silently hide them.
    private static readonly string[] KeptClaims = ["acr", "amr", "auth_time"];

    // User info members the handler does not map by default.
    private static readonly string[] ExtraUserInfoClaims =
        ["preferred_username", "email_verified", "phone_number", "phone_number_verified", "role", "amr"];

    public static void Configure(OpenIdConnectOptions oidc, DemoClientOptions demo)
    {
        oidc.Authority = demo.Authority;
        oidc.ClientId = demo.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(demo.ClientSecret) ? null : demo.ClientSecret;
        oidc.RequireHttpsMetadata = demo.EffectiveRequireHttpsMetadata;

        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // The server (localhost:5000) and the demo (127.0.0.1:7001) are different sites, so a
        // form_post callback would be a cross-site POST that drops the Lax correlation cookies;
        // a query callback is a top-level GET, which keeps them.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.MapInboundClaims = false;
        oidc.DisableTelemetry = true;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = "role";

        oidc.CallbackPath = "/callback";
        oidc.SignedOutCallbackPath = "/signout-callback";
        oidc.SignedOutRedirectUri = "/";

        oidc.Scope.Clear();
        foreach (var scope in demo.ScopeList)
        {
            oidc.Scope.Add(scope);
        }

        foreach (var claim in KeptClaims)
        {
            oidc.ClaimActions.Remove(claim);
        }

        foreach (var claim in ExtraUserInfoClaims)
        {
            oidc.ClaimActions.Add(new DistinctJsonKeyClaimAction(claim));
        }

        // The defaults are SameSite=None + Secure, which a browser drops on plain http.
        foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        oidc.CorrelationCookie.Name = "demo.correlation.";
        oidc.NonceCookie.Name = "demo.nonce.";

        oidc.Events.OnRedirectToIdentityProvider = CopyAcrValues;
        oidc.Events.OnRemoteFailure = ShowFailureOnHomePage;
    }

    // prompt and max_age are read from the challenge parameters by the handler itself;
    // acr_values is not, so it is copied onto the authorization request here.
    private static Task CopyAcrValues(RedirectContext context)
    {
        var acrValues = context.Properties.GetParameter<string>(OpenIdConnectParameterNames.AcrValues);
        if (!string.IsNullOrEmpty(acrValues))
        {
            context.ProtocolMessage.AcrValues = acrValues;
        }

        return Task.CompletedTask;
    }

    // A cancelled sign-in or prompt=none answered with login_required is an expected outcome of
    // the demo, not a crash; the page shows the protocol error code.
    private static Task ShowFailureOnHomePage(RemoteFailureContext context)
    {
        var code = SignInError.Normalize(context.Request.Query[OpenIdConnectParameterNames.Error]);
        context.Response.Redirect($"/?error={code}");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
