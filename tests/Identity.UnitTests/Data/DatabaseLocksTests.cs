using Identity.Server.Data.Coordination;
using Identity.UnitTests.SecondFactors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Data;

/// <summary>Lock rows: a transaction commits or rolls back as asked; a lease is released after use
/// and taken over once a dead holder's lease has run out.</summary>
public sealed class DatabaseLocksTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task InTransaction_KeepsTheWork_OnlyWhenItSaysCommit(bool commit, int kept)
    {
        await using (var db = _database.CreateContext())
        {
            await new DatabaseLocks(db, _time).InTransactionAsync(ClusterLockNames.Administrators, async () =>
            {
                db.Add(new WindowCounter { Key = "work", ExpiresAt = 1 });
                await db.SaveChangesAsync();
                return commit;
            }, result => result, default);
        }

        await using var check = _database.CreateContext();
        Assert.Equal(kept, await check.WindowCounters.CountAsync());
    }

    [Fact]
    public async Task Lease_IsFreeAgain_WhenTheWorkIsDone()
    {
        await using var db = _database.CreateContext();
        var locks = new DatabaseLocks(db, _time);
        var runs = 0;

        await locks.LeaseAsync(ClusterLockNames.Keys, () => { runs++; return Task.CompletedTask; }, default);
        await locks.LeaseAsync(ClusterLockNames.Keys, () => { runs++; return Task.CompletedTask; }, default);

        Assert.Equal(2, runs);
        Assert.Equal(0, (await db.ClusterLocks.AsNoTracking().SingleAsync(row => row.Name == ClusterLockNames.Keys)).LeasedUntil);
    }

    [Fact]
    public async Task Lease_IsTakenOver_WhenTheHolderDiedAndItsLeaseRanOut()
    {
        await using (var db = _database.CreateContext())
        {
            await db.ClusterLocks.Where(row => row.Name == ClusterLockNames.Keys).ExecuteUpdateAsync(row => row
                .SetProperty(r => r.LeaseHolder, "a node that was killed")
                .SetProperty(r => r.LeasedUntil, _time.GetUtcNow().ToUnixTimeMilliseconds() + 1));
        }

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var ran = false;
        await using var context = _database.CreateContext();

        // Waiting for a lease that never frees would poll forever: give up (and fail) instead.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await new DatabaseLocks(context, _time).LeaseAsync(ClusterLockNames.Keys, () => { ran = true; return Task.CompletedTask; }, patience.Token);

        Assert.True(ran);
    }

    public void Dispose() => _database.Dispose();
}
