using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Identity.DemoClient;

internal static class DemoClientEndpoints
{
    public static IEndpointRouteBuilder MapDemoClientEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", HomePage.RenderAsync);
        endpoints.MapGet("/signin", SignIn);
        endpoints.MapPost("/signout", SignOutAsync);
        // The cast keeps a handler that takes only HttpContext from binding as a RequestDelegate,
        // which would discard the returned IResult.
        endpoints.MapGet("/tokens", (Delegate)TokensAsync).RequireAuthorization();
        return endpoints;
    }

    // /signin?prompt=login, /signin?max_age=0 or /signin?acr_values=... ask the server for
    // re-authentication or a stronger method; anything else is left to the server to judge.
    private static IResult SignIn(
        [FromQuery] string? prompt,
        [FromQuery(Name = "max_age")] int? maxAge,
        [FromQuery(Name = "acr_values")] string? acrValues)
    {
        if (maxAge < 0)
        {
            return Results.BadRequest("max_age must be a number of seconds, zero or more.");
        }

        var properties = new OpenIdConnectChallengeProperties { RedirectUri = "/" };
        if (!string.IsNullOrWhiteSpace(prompt))
        {
            properties.Prompt = prompt;
        }

        if (maxAge is { } seconds)
        {
            properties.MaxAge = TimeSpan.FromSeconds(seconds);
        }

        if (!string.IsNullOrWhiteSpace(acrValues))
        {
            properties.SetParameter(OpenIdConnectParameterNames.AcrValues, acrValues);
        }

        return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    // Signing out of the OIDC scheme redirects to the server's end-session endpoint; the handler
    // adds id_token_hint from the cookie, which is still readable during this request.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The sign-out form expired; reload the page and try again.");
        }

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    // Presence and expiry only: the raw access and refresh tokens stay in the cookie.
    private static async Task<IResult> TokensAsync(HttpContext context)
    {
        var accessToken = await context.GetTokenAsync("access_token");
        var refreshToken = await context.GetTokenAsync("refresh_token");
        var idToken = await context.GetTokenAsync("id_token");

        return Results.Json(new TokensView(
            AccessTokenPresent: !string.IsNullOrEmpty(accessToken),
            AccessTokenExpiresAt: await context.GetTokenAsync("expires_at"),
            RefreshTokenPresent: !string.IsNullOrEmpty(refreshToken),
            IdTokenClaims: IdTokenPayload.Read(idToken)));
    }

    private sealed record TokensView(
        bool AccessTokenPresent,
        string? AccessTokenExpiresAt,
        bool RefreshTokenPresent,
        System.Text.Json.JsonElement? IdTokenClaims);
}
