using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Authenticator;
using Identity.Server.Features.SecondFactors.Phone;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SecondFactors;

/// <summary>What the security page shows about two-step verification.</summary>
public sealed record TwoStepSummary(bool Enabled, SecondFactorMethod? DefaultMethod, string? MaskedPhone, bool HasAuthenticator, int RecoveryCodesLeft)
{
    public static async Task<TwoStepSummary?> ReadAsync(
        ClaimsPrincipal principal, UserManager<ApplicationUser> users, AuthenticatorKeys authenticator, SecondFactorChoices choices)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }

        var candidates = await choices.DefaultCandidatesAsync(user);
        var chosen = SecondFactorMethods.Parse(user.TwoFactorMethod);
        return new TwoStepSummary(
            await users.GetTwoFactorEnabledAsync(user),
            chosen is { } method && candidates.Contains(method) ? method : candidates.Cast<SecondFactorMethod?>().FirstOrDefault(),
            user.PhoneNumberConfirmed && user.PhoneNumber is not null ? PhoneMask.ForDisplay(user.PhoneNumber) : null,
            await authenticator.HasAuthenticatorAsync(user),
            await users.CountRecoveryCodesAsync(user));
    }
}
