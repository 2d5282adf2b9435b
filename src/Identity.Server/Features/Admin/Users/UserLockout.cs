using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Locking an account (with a reason and an optional end) and unlocking it. Locking also ends its
/// sessions at their next check (a new security stamp) and revokes its tokens at once (<see cref="SessionRevoker"/>).
/// </summary>
public sealed class UserLockout(
    UserManager<ApplicationUser> users,
    SessionRevoker revoker,
    AdministratorGuard guard,
    IAuditLog audit,
    ILogger<UserLockout> logger)
{
    public const int MaxReasonLength = 200;

    /// <param name="until">When the lock ends; null locks until an administrator unlocks.</param>
    public async Task<AdminActionResult> LockAsync(ApplicationUser user, string reason, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var succeeded = true;
        var allowed = await guard.UnlessLastAdministratorAsync(user, async () =>
        {
            return succeeded = (await users.SetLockoutEnabledAsync(user, true)).Succeeded
                && (await users.SetLockoutEndDateAsync(user, until ?? DateTimeOffset.MaxValue)).Succeeded;
        }, cancellationToken);

        var record = AuditRecord.Succeeded(AuditEventTypes.AdminUserLocked, user.Id)
            .With("reason", reason)
            .With("until", until?.ToString("u", CultureInfo.InvariantCulture) ?? "unlocked by an administrator");
        if (!allowed)
        {
            AdminLog.LastAdministratorProtected(logger, "lock", user.Id);
            await audit.RecordAsync((record with { Outcome = AuditOutcome.Failure }).With("refused", "last_administrator"), cancellationToken);
            return AdminActionResult.LastAdministrator;
        }

        if (!succeeded)
        {
            return AdminActionResult.Failed;
        }

        await revoker.RevokeAsync(user, RevocationReason.AccountLocked, keepThisSession: false, cancellationToken);
        await audit.RecordAsync(record, cancellationToken);
        return AdminActionResult.Done;
    }

    public async Task<AdminActionResult> UnlockAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!(await users.SetLockoutEndDateAsync(user, null)).Succeeded || !(await users.ResetAccessFailedCountAsync(user)).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminUserUnlocked, user.Id), cancellationToken);
        return AdminActionResult.Done;
    }
}
