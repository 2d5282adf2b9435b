using Identity.Server.Data.Coordination;
using Identity.UnitTests.SecondFactors;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Data;

/// <summary>Shared fixed-window counters: a cap per window, a window that starts at the first hit.</summary>
public sealed class WindowCountersTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 30, TimeSpan.Zero));

    // A context per call, as each request (and each node) has its own.
    private Task<CounterPermit> TakeAsync(string key = "account-forms:192.0.2.1", int cap = 3) =>
        new WindowCounters(_database.CreateContext(), _time).TryTakeAsync(key, Minute, cap, default);

    [Fact]
    public async Task TryTake_GrantsUpToTheCap_ThenRefusesWithTheRestOfTheWindow()
    {
        var granted = new List<bool>();
        for (var n = 0; n < 3; n++)
        {
            granted.Add((await TakeAsync()).Granted);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = await TakeAsync();

        Assert.All(granted, Assert.True);
        Assert.False(refused.Granted);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
    }

    [Fact]
    public async Task TryTake_StartsANewWindow_WhenTheLastOneEnded()
    {
        for (var n = 0; n < 3; n++)
        {
            await TakeAsync();
        }

        _time.Advance(Minute);

        Assert.True((await TakeAsync()).Granted);
        Assert.True((await TakeAsync()).Granted);
        Assert.True((await TakeAsync()).Granted);
        Assert.False((await TakeAsync()).Granted);
    }

    [Fact]
    public async Task TryTake_CountsKeysApart_WhenAddressesDiffer()
    {
        for (var n = 0; n < 3; n++)
        {
            await TakeAsync("account-forms:192.0.2.1");
        }

        Assert.False((await TakeAsync("account-forms:192.0.2.1")).Granted);
        Assert.True((await TakeAsync("account-forms:192.0.2.2")).Granted);
    }

    [Fact]
    public async Task TryTake_StoresAnExpiry_WhenAWindowOpens()
    {
        await TakeAsync();

        await using var db = _database.CreateContext();
        var row = Assert.Single(db.WindowCounters);
        Assert.Equal(_time.GetUtcNow().Add(Minute).ToUnixTimeMilliseconds(), row.ExpiresAt);
    }

    public void Dispose() => _database.Dispose();
}
