using Identity.Server.Features.Bootstrap;
using Identity.UnitTests.SecondFactors;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Bootstrap;

/// <summary>The setup link kept in the database: issued once per hour, checked in constant time, used once.</summary>
public sealed class SetupTokenStoreTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    // A store per call, as each request (and each node) gets its own context on the one database.
    private SetupTokenStore Store() => new(_database.CreateContext(), _time);

    private async Task<SetupToken> IssueAsync() => Assert.IsType<SetupIssue.Issued>(await Store().IssueAsync(default)).Token;

    [Fact]
    public async Task Issue_Gives256BitBase64UrlToken_ValidForOneHour()
    {
        var token = await IssueAsync();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token.Value);
        Assert.Equal(_time.GetUtcNow().AddHours(1), token.ExpiresAt);
        Assert.DoesNotContain(token.Value, token.ToString());
    }

    [Fact]
    public async Task Check_IsOpen_WhenTokenIsCurrent()
    {
        var token = await IssueAsync();

        _time.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(SetupLinkState.Open, await Store().CheckAsync(token.Value, default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    public async Task Check_IsNotFound_WhenTokenIsWrong(string? presented)
    {
        await IssueAsync();

        Assert.Equal(SetupLinkState.NotFound, await Store().CheckAsync(presented, default));
    }

    [Fact]
    public async Task Check_IsExpired_WhenTheHourHasPassed()
    {
        var token = await IssueAsync();

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SetupLinkState.Expired, await Store().CheckAsync(token.Value, default));
    }

    [Fact]
    public async Task Check_IsNotFound_WhenTokenWasRevoked()
    {
        var token = await IssueAsync();

        await Store().RevokeAsync(default);

        Assert.Equal(SetupLinkState.NotFound, await Store().CheckAsync(token.Value, default));
    }

    [Fact]
    public async Task Issue_KeepsTheOpenLink_WhenAnotherStartFindsItOpen()
    {
        var first = await IssueAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await Store().IssueAsync(default);

        Assert.Equal(first.ExpiresAt, Assert.IsType<SetupIssue.AlreadyOpen>(second).ExpiresAt);
        Assert.Equal(SetupLinkState.Open, await Store().CheckAsync(first.Value, default));
    }

    [Fact]
    public async Task Issue_ReplacesTheLink_WhenTheOldOneExpired()
    {
        var old = await IssueAsync();
        _time.Advance(TimeSpan.FromHours(1));

        var current = await IssueAsync();

        Assert.Equal(SetupLinkState.NotFound, await Store().CheckAsync(old.Value, default));
        Assert.Equal(SetupLinkState.Open, await Store().CheckAsync(current.Value, default));
    }

    [Fact]
    public async Task TryUse_SucceedsOnce_WhenTheSameLinkIsUsedTwice()
    {
        var token = await IssueAsync();

        var first = await Store().TryUseAsync(token.Value, default);
        var second = await Store().TryUseAsync(token.Value, default);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(SetupLinkState.NotFound, await Store().CheckAsync(token.Value, default));
    }

    [Fact]
    public async Task Reopen_MakesTheLinkUsableAgain_WhenNothingWasCreated()
    {
        var token = await IssueAsync();
        var usedAt = await Store().TryUseAsync(token.Value, default);

        await Store().ReopenAsync(usedAt!.Value, default);

        Assert.Equal(SetupLinkState.Open, await Store().CheckAsync(token.Value, default));
    }

    [Fact]
    public async Task Check_IsNotFound_WhenNoTokenWasIssued() =>
        Assert.Equal(SetupLinkState.NotFound, await Store().CheckAsync("anything", default));

    public void Dispose() => _database.Dispose();
}
