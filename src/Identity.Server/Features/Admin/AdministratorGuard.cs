using Identity.Server.Data;
using Identity.Server.Data.Coordination;
using Identity.Server.Features.Bootstrap;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin;

/// <summary>
/// Keeps at least one administrator who can sign in: the last active one cannot be locked, demoted or
/// deleted. Counting and changing happen in one transaction holding the administrators' lock row, so
/// two administrators removing each other at the same moment, on one node or on two, cannot both
/// succeed: the second waits for the first to commit and then counts again.
/// </summary>
public sealed class AdministratorGuard(UserManager<ApplicationUser> users, DatabaseLocks locks)
{
    /// <summary>Runs <paramref name="change"/> unless it would remove the last active administrator.
    /// The change reports whether it succeeded; it is committed only then.</summary>
    /// <returns>False, without running the change, when <paramref name="user"/> is that administrator.</returns>
    public async Task<bool> UnlessLastAdministratorAsync(ApplicationUser user, Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        var outcome = await locks.InTransactionAsync(
            ClusterLockNames.Administrators,
            async () => await IsLastActiveAdministratorAsync(user) ? Outcome.Refused : await change() ? Outcome.Changed : Outcome.Failed,
            outcome => outcome == Outcome.Changed,
            cancellationToken);
        return outcome != Outcome.Refused;
    }

    private async Task<bool> IsLastActiveAdministratorAsync(ApplicationUser user)
    {
        if (!await users.IsInRoleAsync(user, AdministratorRole.Name))
        {
            return false;
        }

        foreach (var other in await users.GetUsersInRoleAsync(AdministratorRole.Name))
        {
            if (other.Id != user.Id && !await users.IsLockedOutAsync(other))
            {
                return false;
            }
        }

        return true;
    }

    private enum Outcome
    {
        Refused,
        Changed,
        Failed,
    }
}
