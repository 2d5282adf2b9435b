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

        cache.Remember("client:web", "row", cache.Generation);

        Assert.True(cache.TryGet("client:web", out var value));
        Assert.Equal("row", value);
    }

    [Fact]
    public void TryGet_Misses_WhenTheReadStartedBeforeAClear()
    {
        var cache = new CatalogCache(_time);
        var generation = cache.Generation;

        cache.Clear();
        cache.Remember("client:web", "stale row", generation);

        Assert.False(cache.TryGet("client:web", out _));
    }

    [Fact]
    public void TryGet_Misses_WhenTheEntryIsOlderThanTheMaximumAge()
    {
        var cache = new CatalogCache(_time);
        cache.Remember("scope:api", null, cache.Generation);

        _time.Advance(CatalogCache.MaximumAge);

        Assert.False(cache.TryGet("scope:api", out _));
    }

    [Fact]
    public void Remember_StartsOver_WhenTheCacheIsFull()
    {
        var cache = new CatalogCache(_time);
        for (var i = 0; i < CatalogCache.MaximumEntries; i++)
        {
            cache.Remember("scope:unknown-" + i, null, cache.Generation);
        }

        cache.Remember("scope:one-too-many", null, cache.Generation);

        Assert.False(cache.TryGet("scope:unknown-0", out _));
        Assert.False(cache.TryGet("scope:one-too-many", out _));
    }
}
