using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data.Coordination;

/// <summary>Whether a counted action may go ahead, and if not, when the window ends.</summary>
public readonly record struct CounterPermit(bool Granted, TimeSpan RetryAfter);

/// <summary>
/// Fixed-window counters in the database, so a limit holds across every node instead of per node.
/// Taking a permit is one conditional increment (<c>Count &lt; cap</c>) whose affected-row count
/// decides, or the insert of the window's first row; two nodes racing can never both take the last
/// permit, as they could with a count followed by an insert.
/// </summary>
public sealed class WindowCounters(ApplicationDbContext db, TimeProvider time)
{
    public async Task<CounterPermit> TryTakeAsync(string key, TimeSpan window, int cap, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        var start = now - (now % length);
        var refused = new CounterPermit(false, TimeSpan.FromMilliseconds(start + length - now));

        if (await IncrementAsync(key, start, cap, cancellationToken))
        {
            return new CounterPermit(true, TimeSpan.Zero);
        }

        if (cap < 1 || await db.Set<WindowCounter>().AnyAsync(row => row.Key == key && row.WindowStart == start, cancellationToken))
        {
            return refused;
        }

        var row = new WindowCounter { Key = key, WindowStart = start, Count = 1, ExpiresAt = start + length };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CounterPermit(true, TimeSpan.Zero);
        }
        catch (DbUpdateException)
        {
            // Another node opened the window at the same moment: count against its row instead.
            db.Entry(row).State = EntityState.Detached;
            return await IncrementAsync(key, start, cap, cancellationToken) ? new CounterPermit(true, TimeSpan.Zero) : refused;
        }
        finally
        {
            if (db.Entry(row).State != EntityState.Detached)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    private async Task<bool> IncrementAsync(string key, long start, int cap, CancellationToken cancellationToken) =>
        await db.Set<WindowCounter>()
            .Where(row => row.Key == key && row.WindowStart == start && row.Count < cap)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.Count, r => r.Count + 1), cancellationToken) == 1;
}
