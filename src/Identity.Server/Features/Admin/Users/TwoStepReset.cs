using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Audit;
using Identity.Server.Features.NewDevice;
using Identity.Server.Features.SecondFactors.Authenticator;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Resets two-step verification for a user who lost their factors: the authenticator key, the phone as a
/// factor (the number stays, unconfirmed, so it no longer receives codes), passkeys, recovery codes, the
/// preferred method and the known devices go; two-step verification is off; and every session, remembered
/// browser and grant ends. The user sets their factors up again after the next sign-in.
/// </summary>
/// <remarks>
/// The second-factor services the user's own pages use (TwoStepSettings, PhoneNumberChanges) keep the
/// acting browser signed in as the account they change, which here would be the administrator's browser,
/// so this works with the factor stores directly and ends sessions with keepThisSession off.
/// </remarks>
public sealed class TwoStepReset(
    UserManager<ApplicationUser> users,
    AuthenticatorKeys authenticator,
    KnownDevices devices,
    SessionRevoker revoker,
    IAuditLog audit)
{
    public async Task<AdminActionResult> ResetAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        if (await authenticator.HasAuthenticatorAsync(user) && (await authenticator.RemoveAsync(user)).Succeeded)
        {
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
            removed.Add("passkeys");
        }

        if (await devices.ForgetAllAsync(user.Id, cancellationToken) > 0)
        {
            removed.Add("devices");
        }

        if (user.PhoneNumberConfirmed)
        {
            user.PhoneNumberConfirmed = false;
            removed.Add("phone");
        }

        user.TwoFactorEnabled = false;
        user.TwoFactorMethod = null;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        await revoker.RevokeAsync(user, RevocationReason.TwoStepReset, keepThisSession: false, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminTwoStepReset, user.Id)
            .With("removed", removed.Count == 0 ? "nothing" : string.Join(",", removed.Distinct())), cancellationToken);
        return AdminActionResult.Done;
    }
}
