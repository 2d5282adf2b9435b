using Identity.Server.Features.Oidc.ClientCatalog;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Oidc;

/// <summary>The node's copy of clients and scopes: never older than a clear, never older than its maximum age.</summary>
public sealed class CatalogCacheTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryGet_ReturnsWhatWasRemembered_WhenNothingChanged()
    {
        var cache = new CatalogCache(_time);

        cache.Remember("client:web", "row", "1 a", cache.Generation);

        Assert.True(cache.TryGet("client:web", out var value));
        Assert.Equal("row", value);
    }

    [Fact]
    public void TryGet_Misses_WhenTheReadStartedBeforeAClear()
    {
        var cache = new CatalogCache(_time);
        var generation = cache.Generation;

        cache.Clear();
        cache.Remember("client:web", "stale row", "1 a", generation);

        Assert.False(cache.TryGet("client:web", out _));
    }

    [Fact]
    public void TryGet_Misses_WhenTheEntryIsOlderThanTheMaximumAge()
    {
        var cache = new CatalogCache(_time);
        cache.Remember("scope:api", null, null, cache.Generation);

        _time.Advance(CatalogCache.MaximumAge);

        Assert.False(cache.TryGet("scope:api", out _));
    }

    [Fact]
    public void Remember_StartsOver_WhenTheCacheIsFull()
    {
        var cache = new CatalogCache(_time);
        for (var i = 0; i < CatalogCache.MaximumEntries; i++)
        {
            cache.Remember("scope:unknown-" + i, null, null, cache.Generation);
        }

        cache.Remember("scope:one-too-many", null, null, cache.Generation);

        Assert.False(cache.TryGet("scope:unknown-0", out _));
        Assert.False(cache.TryGet("scope:one-too-many", out _));
    }

    [Fact]
    public void DropChanged_DropsEntriesTheDatabaseNoLongerAgreesWith_WhenRowsWereRead()
    {
        var cache = new CatalogCache(_time);
        cache.Remember("client:kept", "row", CatalogCache.Stamp("1", "a"), cache.Generation);
        cache.Remember("client:updated", "row", CatalogCache.Stamp("2", "a"), cache.Generation);
        cache.Remember("client:deleted", "row", CatalogCache.Stamp("3", "a"), cache.Generation);
        cache.Remember("client:created", null, null, cache.Generation);

        var dropped = cache.DropChanged(new Dictionary<string, string>
        {
            ["client:kept"] = CatalogCache.Stamp("1", "a"),
            ["client:updated"] = CatalogCache.Stamp("2", "b"),
            ["client:created"] = CatalogCache.Stamp("4", "a"),
        });

        Assert.True(dropped);
        Assert.True(cache.TryGet("client:kept", out _));
        Assert.False(cache.TryGet("client:updated", out _));
        Assert.False(cache.TryGet("client:deleted", out _));
        Assert.False(cache.TryGet("client:created", out _));
    }
}
