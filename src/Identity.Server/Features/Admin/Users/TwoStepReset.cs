using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Resets two-step verification for a user who lost their factors: the authenticator key, the phone
/// as a factor (the number stays, unconfirmed), passkeys and recovery codes go, two-step verification
/// is off, and a new security stamp ends their sessions and remembered browsers. The user sets up
/// their factors again after the next sign-in.
/// </summary>
public sealed class TwoStepReset(UserManager<ApplicationUser> users, IAuditLog audit)
{
    private const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public async Task<AdminActionResult> ResetAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        if (await users.GetAuthenticatorKeyAsync(user) is not null)
        {
            await users.RemoveAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName);
            removed.Add("authenticator");
        }

        if (await users.CountRecoveryCodesAsync(user) > 0)
        {
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            removed.Add("recovery_codes");
        }

        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
            removed.Add("passkey");
        }

        if (user.PhoneNumberConfirmed)
        {
            user.PhoneNumberConfirmed = false;
            removed.Add("phone");
        }

        user.TwoFactorEnabled = false;
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminTwoStepReset, user.Id)
            .With("removed", removed.Count == 0 ? "nothing" : string.Join(",", removed.Distinct())), cancellationToken);
        return AdminActionResult.Done;
    }
}
