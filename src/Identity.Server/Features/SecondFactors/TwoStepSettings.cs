using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors;

/// <summary>Turning two-step verification on and off, the default method and recovery codes; the owner is told by email.</summary>
public sealed class TwoStepSettings(
    UserManager<ApplicationUser> users,
    IEmailSender email,
    SecurityMessages messages,
    SessionRevoker revoker,
    IOptions<SecondFactorOptions> options,
    IAuditLog audit,
    ILogger<TwoStepSettings> logger)
{
    /// <summary>
    /// Turns two-step verification on if it is off. Returns the new recovery codes to show once, or
    /// null when it was already on (existing codes stay valid).
    /// </summary>
    public async Task<IReadOnlyList<string>?> TurnOnAsync(ApplicationUser user, SecondFactorMethod? preferred, CancellationToken cancellationToken)
    {
        if (preferred is { } method && user.TwoFactorMethod is null)
        {
            user.TwoFactorMethod = method.Name();
            await users.UpdateAsync(user);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.CountRecoveryCodesAsync(user) == 0 ? await RegenerateRecoveryCodesAsync(user) : null;
        await ChangedAsync(user, "turned on", cancellationToken);
        await email.SendAsync(messages.TwoStepChangedEmail(user, enabled: true), cancellationToken);
        return codes ?? [];
    }

    /// <summary>Turns two-step verification off; like removing a factor, it ends the account's other sessions and grants.</summary>
    public async Task TurnOffAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await revoker.RevokeAsync(user, RevocationReason.SecondFactorRemoved, keepThisSession: true, cancellationToken);
        await ChangedAsync(user, "turned off", cancellationToken);
        await email.SendAsync(messages.TwoStepChangedEmail(user, enabled: false), cancellationToken);
    }

    public async Task SetDefaultAsync(ApplicationUser user, SecondFactorMethod method)
    {
        user.TwoFactorMethod = method.Name();
        await users.UpdateAsync(user);
        await ChangedAsync(user, "default method " + method.Name());
    }

    /// <summary>New recovery codes (stored hashed); the old ones stop working. Shown once by the caller.</summary>
    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(ApplicationUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, options.Value.RecoveryCodeCount);
        await ChangedAsync(user, "recovery codes regenerated");
        return codes?.ToList() ?? [];
    }

    /// <summary>
    /// After a factor was removed: clears a default that points at it, and ends the account's other sessions
    /// and grants (whoever removed it may not be the owner, and sessions proven with it should not outlive it).
    /// </summary>
    public async Task FactorRemovedAsync(ApplicationUser user, SecondFactorMethod removed, CancellationToken cancellationToken)
    {
        await revoker.RevokeAsync(user, RevocationReason.SecondFactorRemoved, keepThisSession: true, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TwoStepChange, user.Id).With("change", removed.Name() + " removed"), cancellationToken);
        if (SecondFactorMethods.Parse(user.TwoFactorMethod) == removed)
        {
            user.TwoFactorMethod = null;
            await users.UpdateAsync(user);
        }
    }

    /// <summary>Logs a change of the account's factors and records it in the audit log.</summary>
    public async Task ChangedAsync(ApplicationUser user, string change, CancellationToken cancellationToken = default)
    {
        SecondFactorsLog.SettingsChanged(logger, user.Id, change);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TwoStepChange, user.Id).With("change", change), cancellationToken);
    }
}
