using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data.Coordination;

/// <summary>
/// Mutual exclusion between nodes that share the database, built from one row update so it works the
/// same on every provider: PostgreSQL holds the updated row's lock until commit, SQLite its single
/// writer lock. A per-process lock would let two nodes decide on the same stale count.
/// </summary>
public sealed class DatabaseLocks(ApplicationDbContext db, TimeProvider time)
{
    /// <summary>How long a lease lasts when its holder dies without releasing it.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that first takes the named lock, so it sees every
    /// change committed by the previous holder. The transaction commits when <paramref name="commit"/>
    /// says so for the result, and rolls back otherwise. Keep the work short and on this context: on
    /// SQLite a write through another connection would wait for this transaction to end.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(string name, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Set<ClusterLock>().Where(row => row.Name == name)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        if (locked != 1)
        {
            throw new InvalidOperationException($"The lock row '{name}' is missing; apply the database migrations.");
        }

        var result = await work();
        if (commit(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> while holding a lease on the named lock, waiting for another node's
    /// lease to end. No transaction stays open, so the work may write through other connections (Data
    /// Protection stores its keys through its own context).
    /// </summary>
    public async Task LeaseAsync(string name, Func<Task> work, CancellationToken cancellationToken)
    {
        var holder = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        while (!await TryLeaseAsync(name, holder, cancellationToken))
        {
            // A plain wait, not a time decision: expiry is judged by the injected clock.
            await Task.Delay(LeasePoll, cancellationToken);
        }

        try
        {
            await work();
        }
        finally
        {
            await db.Set<ClusterLock>().Where(row => row.Name == name && row.LeaseHolder == holder)
                .ExecuteUpdateAsync(row => row.SetProperty(r => r.LeasedUntil, 0L).SetProperty(r => r.LeaseHolder, (string?)null), CancellationToken.None);
        }
    }

    private async Task<bool> TryLeaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)LeaseLifetime.TotalMilliseconds;
        var taken = await db.Set<ClusterLock>().Where(row => row.Name == name && row.LeasedUntil <= now)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.LeasedUntil, until).SetProperty(r => r.LeaseHolder, holder), cancellationToken);
        if (taken == 0 && !await db.Set<ClusterLock>().AnyAsync(row => row.Name == name, cancellationToken))
        {
            throw new InvalidOperationException($"The lock row '{name}' is missing; apply the database migrations.");
        }

        return taken == 1;
    }
}
