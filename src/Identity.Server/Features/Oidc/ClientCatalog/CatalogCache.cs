using System.Collections.Concurrent;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Clients and scopes as last read from the database, shared by every request on this node, so a token
/// request does not read its client and its API scopes from the database each time (about a third of its
/// CPU did). An entry is a private copy of the row that is never handed out itself (see
/// <see cref="TrackedCopies{TEntity}"/>); a remembered "no such row" is an entry too.
/// </summary>
/// <remarks>
/// How long a change can go unseen: on the node that makes it, not at all (saving a client or scope clears
/// the cache, see <see cref="CatalogChangeInterceptor"/>); on other nodes and after an <c>import</c>, until <see cref="CatalogChangeWatcher"/>
/// next reads the rows (<see cref="CatalogChangeWatcher.CheckInterval"/>); after a change made behind the
/// server's back (SQL by hand, which leaves the concurrency token as it was), <see cref="MaximumAge"/>.
/// </remarks>
public sealed class CatalogCache(TimeProvider time)
{
    /// <summary>How long an entry may be used at most, whatever the watcher saw.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromSeconds(60);

    /// <summary>Requests may name any number of unknown clients and scopes; past this the cache starts over.</summary>
    public const int MaximumEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before a database read, given back to <see cref="Remember"/>: a read that a clear overtook is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How a row looks in <see cref="CatalogChangeWatcher"/>'s reading: its id and concurrency token.</summary>
    public static string Stamp(string? id, string? concurrencyToken) => id + " " + concurrencyToken;

    public bool TryGet(string key, out object? value)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.ReadAt < MaximumAge)
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <param name="stamp">The row's <see cref="Stamp"/>, or null when there is no such row.</param>
    public void Remember(string key, object? value, string? stamp, long generation)
    {
        if (generation != Generation)
        {
            return;
        }

        if (_entries.Count >= MaximumEntries)
        {
            Clear();
            return;
        }

        _entries[key] = new Entry(value, stamp, time.GetUtcNow());

        // A clear between the check above and the write must not leave a stale row behind.
        if (generation != Generation)
        {
            _entries.TryRemove(key, out _);
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>
    /// Drops every entry the database no longer agrees with: <paramref name="rows"/> gives each key's stamp as
    /// read just now (a key without a row is absent). Comparing entries, not two readings, also catches a row
    /// created and deleted between two readings while this node had it cached.
    /// </summary>
    /// <returns>Whether anything was dropped.</returns>
    public bool DropChanged(IReadOnlyDictionary<string, string> rows)
    {
        var dropped = false;
        foreach (var (key, entry) in _entries)
        {
            if (rows.GetValueOrDefault(key) != entry.Stamp)
            {
                Interlocked.Increment(ref _generation);
                dropped |= _entries.TryRemove(key, out _);
            }
        }

        return dropped;
    }

    private sealed record Entry(object? Value, string? Stamp, DateTimeOffset ReadAt);
}
