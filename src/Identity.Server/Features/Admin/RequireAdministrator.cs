using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Bootstrap;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Admin;

/// <summary>What the admin policy requires; <see cref="RequireAdministrator"/> decides it.</summary>
public sealed class AdministratorRequirement : IAuthorizationRequirement;

/// <summary>
/// Admits an administrator: the account holds the admin role now (read from the database, not the
/// cookie, so a demoted or locked administrator is out at once), the session was signed in with a
/// second factor (<c>amr</c> has <c>mfa</c>, RFC 8176 §2), and that sign-in is younger than
/// <see cref="AdminOptions.SessionLifetime"/>.
/// </summary>
public sealed class RequireAdministrator(
    UserManager<ApplicationUser> users,
    IOptions<AdminOptions> options,
    TimeProvider time) : AuthorizationHandler<AdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || !await users.IsInRoleAsync(user, AdministratorRole.Name) || await users.IsLockedOutAsync(user))
        {
            context.Fail(new AuthorizationFailureReason(this, AdminPolicy.NotAdministrator));
        }
        else if (!principal.HasClaim(SignInClaimTypes.AuthenticationMethod, AuthenticationMethods.MultiFactor))
        {
            context.Fail(new AuthorizationFailureReason(this, AdminPolicy.NoSecondFactor));
        }
        else if (time.GetUtcNow() - SignedInAt(principal) > options.Value.SessionLifetime)
        {
            context.Fail(new AuthorizationFailureReason(this, AdminPolicy.SessionTooOld));
        }
        else
        {
            context.Succeed(requirement);
        }
    }

    private static DateTimeOffset SignedInAt(System.Security.Claims.ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(SignInClaimTypes.AuthenticationTime)?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
}
