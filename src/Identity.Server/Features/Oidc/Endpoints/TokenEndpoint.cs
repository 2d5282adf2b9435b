using Identity.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc.Endpoints;

/// <summary>
/// The token endpoint (RFC 6749 §3.2). OpenIddict has authenticated the client and validated the
/// grant (single-use codes, PKCE, refresh token rotation and reuse detection); this decides whether
/// the account may still have tokens, and with which claims.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(
        HttpContext context,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        IOpenIddictApplicationManager applications,
        OidcPrincipalFactory principals,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict authenticated a client that no longer exists.");
            var principal = await principals.CreateForClientAsync(
                request.ClientId!, await applications.GetDisplayNameAsync(application, cancellationToken), request.GetScopes(), cancellationToken);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return OidcErrors.ForbidResult(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var redeemed = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var user = await users.FindByIdAsync(redeemed.GetClaim(Claims.Subject)!);

        // Checked on every refresh, not only at sign-in: a deleted, locked or signed-out-everywhere
        // account gets no new tokens even while its refresh token is unexpired.
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user)
            || !OidcPrincipalFactory.MatchesSecurityStamp(redeemed, user))
        {
            loggers.CreateLogger(typeof(TokenEndpoint)).LogInformation(
                "Refused {GrantType} for client {ClientId}: the account may no longer sign in", request.GrantType, request.ClientId);
            return OidcErrors.ForbidResult(Errors.InvalidGrant, "The grant is no longer valid; sign in again.");
        }

        return Results.SignIn(await principals.RefreshAsync(user, redeemed), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
