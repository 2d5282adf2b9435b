using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc;

/// <summary>Builds the principal that OpenIddict turns into tokens — the one place user claims are set.</summary>
public sealed class OidcPrincipalFactory(UserManager<ApplicationUser> users, IOpenIddictScopeManager scopes)
{
    /// <summary>A private claim, kept only in codes and refresh tokens, that ties them to the account's security stamp.</summary>
    public const string SecurityStampClaim = "security_stamp";

    /// <summary>For a new grant: the user, what they granted, and how they signed in (from the session).</summary>
    public async Task<ClaimsPrincipal> CreateAsync(
        ApplicationUser user,
        IEnumerable<string> grantedScopes,
        ClaimsPrincipal session,
        CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetScopes(grantedScopes);
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));
        AddSignInFacts(identity,
            session.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value),
            session.FindFirst(SignInClaimTypes.AuthenticationTime)?.Value);
        return await WithUserClaimsAsync(identity, user);
    }

    /// <summary>For a code or refresh token redemption: the same grant, with the account's current data.</summary>
    public Task<ClaimsPrincipal> RefreshAsync(ApplicationUser user, ClaimsPrincipal redeemed)
    {
        string[] userClaims = [Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber,
            Claims.PhoneNumberVerified, Claims.Role, Claims.Locale, SecurityStampClaim];
        var identity = new ClaimsIdentity(
            redeemed.Claims.Where(claim => !userClaims.Contains(claim.Type)),
            TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        return WithUserClaimsAsync(identity, user);
    }

    /// <summary>For client credentials: the client itself is the subject.</summary>
    public async Task<ClaimsPrincipal> CreateForClientAsync(string clientId, string? displayName, IEnumerable<string> grantedScopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);

        // No refresh token for client credentials (RFC 6749 §4.4.3): the client can always ask again
        // with its secret, and OpenIddict issues one whenever offline_access is among the scopes.
        identity.SetScopes(grantedScopes.Where(scope => scope != Scopes.OfflineAccess));
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));
        identity.SetDestinations(claim => claim.Type == Claims.Subject ? [Destinations.AccessToken] : []);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether a redeemed grant still belongs to an account that may sign in (not deleted,
    /// locked, or signed out everywhere since).</summary>
    public static bool MatchesSecurityStamp(ClaimsPrincipal redeemed, ApplicationUser user) =>
        string.Equals(redeemed.GetClaim(SecurityStampClaim), user.SecurityStamp, StringComparison.Ordinal);

    private async Task<ClaimsPrincipal> WithUserClaimsAsync(ClaimsIdentity identity, ApplicationUser user)
    {
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName ?? user.Email)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.PhoneNumber, user.PhoneNumber)
            .SetClaim(Claims.Locale, user.PreferredCulture)
            .SetClaim(SecurityStampClaim, user.SecurityStamp);
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        if (user.PhoneNumber is not null)
        {
            identity.AddClaim(new Claim(Claims.PhoneNumberVerified, user.PhoneNumberConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }

        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        var principal = new ClaimsPrincipal(identity);
        identity.SetDestinations(ClaimDestinations.For);
        return principal;
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static void AddSignInFacts(ClaimsIdentity identity, IEnumerable<string> methods, string? authTime)
    {
        // amr is a JSON array even with one value (OIDC Core §2), so it is written as one array claim.
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference,
            JsonSerializer.Serialize(methods.Distinct().ToArray()), JsonClaimValueTypes.JsonArray));
        if (authTime is not null)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime,
                long.Parse(authTime, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }
    }
}
