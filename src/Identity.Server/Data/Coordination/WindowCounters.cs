using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data.Coordination;

/// <summary>Whether a counted action may go ahead, and if not, when the window ends.</summary>
public readonly record struct CounterPermit(bool Granted, TimeSpan RetryAfter);

/// <summary>
/// Fixed-window counters in the database, so a limit holds across every node instead of per node.
/// Taking a permit is one conditional update (<c>Count &lt; cap</c>, or restarting an ended window)
/// whose affected-row count decides, or the insert of the key's first row; two nodes racing can
/// never both take the last permit, as they could with a count followed by an insert.
/// </summary>
public sealed class WindowCounters(ApplicationDbContext db, TimeProvider time)
{
    private static readonly CounterPermit Granted = new(true, TimeSpan.Zero);

    public async Task<CounterPermit> TryTakeAsync(string key, TimeSpan window, int cap, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ends = now + (long)window.TotalMilliseconds;
        if (await CountAsync(key, now, ends, cap, cancellationToken))
        {
            return Granted;
        }

        if (await db.Set<WindowCounter>().Where(row => row.Key == key).Select(row => (long?)row.ExpiresAt).FirstOrDefaultAsync(cancellationToken) is { } expires)
        {
            // The row may have been inserted by another request since the first try: count once more.
            return await CountAsync(key, now, ends, cap, cancellationToken) ? Granted : Refused(expires, now);
        }

        var added = new WindowCounter { Key = key, WindowStart = now, Count = 1, ExpiresAt = ends };
        db.Add(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Granted;
        }
        catch (DbUpdateException)
        {
            // Another node opened the window at the same moment: count against its row instead.
            db.Entry(added).State = EntityState.Detached;
            return await CountAsync(key, now, ends, cap, cancellationToken) ? Granted : Refused(ends, now);
        }
        finally
        {
            db.Entry(added).State = EntityState.Detached;
        }
    }

    private static CounterPermit Refused(long expires, long now) => new(false, TimeSpan.FromMilliseconds(Math.Max(0, expires - now)));

    /// <summary>Counts one in the live window, or restarts an ended one; false when the window is full or missing.</summary>
    private async Task<bool> CountAsync(string key, long now, long ends, int cap, CancellationToken cancellationToken) =>
        await IncrementAsync(key, now, cap, cancellationToken)
        || await db.Set<WindowCounter>().Where(row => row.Key == key && row.ExpiresAt <= now).ExecuteUpdateAsync(
            row => row.SetProperty(r => r.Count, 1).SetProperty(r => r.WindowStart, now).SetProperty(r => r.ExpiresAt, ends), cancellationToken) == 1;

    private async Task<bool> IncrementAsync(string key, long now, int cap, CancellationToken cancellationToken) =>
        await db.Set<WindowCounter>()
            .Where(row => row.Key == key && row.ExpiresAt > now && row.Count < cap)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.Count, r => r.Count + 1), cancellationToken) == 1;
}
