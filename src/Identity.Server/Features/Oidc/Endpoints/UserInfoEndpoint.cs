using Identity.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc.Endpoints;

/// <summary>The userinfo endpoint (OIDC Core §5.3): the account's current claims, as far as the token's scopes allow.</summary>
public static class UserInfoEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, UserManager<ApplicationUser> users)
    {
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var user = await users.FindByIdAsync(token.GetClaim(Claims.Subject)!);
        if (user is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account no longer exists.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (token.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName ?? user.Email ?? user.UserName!;
            claims[Claims.PreferredUsername] = user.UserName!;
            if (user.PreferredCulture is not null)
            {
                claims[Claims.Locale] = user.PreferredCulture;
            }
        }

        if (token.HasScope(Scopes.Email) && user.Email is not null)
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (token.HasScope(Scopes.Phone) && user.PhoneNumber is not null)
        {
            claims[Claims.PhoneNumber] = user.PhoneNumber;
            claims[Claims.PhoneNumberVerified] = user.PhoneNumberConfirmed;
        }

        if (token.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(claims);
    }
}
