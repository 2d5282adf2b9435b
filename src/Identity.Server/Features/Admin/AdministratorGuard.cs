using Identity.Server.Data;
using Identity.Server.Features.Bootstrap;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin;

/// <summary>
/// Keeps at least one administrator who can sign in: the last active one cannot be locked, demoted or
/// deleted. Checking and changing happen under one lock, so two administrators removing each other at
/// the same moment cannot both succeed.
/// </summary>
public sealed class AdministratorGuard(UserManager<ApplicationUser> users, AdministratorChangeGate gate)
{
    /// <summary>Runs <paramref name="change"/> unless it would remove the last active administrator.</summary>
    /// <returns>False, without running the change, when <paramref name="user"/> is that administrator.</returns>
    public async Task<bool> UnlessLastAdministratorAsync(ApplicationUser user, Func<Task> change, CancellationToken cancellationToken)
    {
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            if (await IsLastActiveAdministratorAsync(user))
            {
                return false;
            }

            await change();
            return true;
        }
        finally
        {
            gate.Semaphore.Release();
        }
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
}

/// <summary>The one lock of <see cref="AdministratorGuard"/> for this process.</summary>
public sealed class AdministratorChangeGate
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);
}
