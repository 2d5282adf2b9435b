using Identity.Server.Features.Bootstrap;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Bootstrap;

public sealed class SetupTokenStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Issue_Gives256BitBase64UrlToken_ValidForOneHour()
    {
        var token = new SetupTokenStore(_time).Issue();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token.Value);
        Assert.Equal(_time.GetUtcNow().AddHours(1), token.ExpiresAt);
        Assert.DoesNotContain(token.Value, token.ToString());
    }

    [Fact]
    public void Check_IsOpen_WhenTokenIsCurrent()
    {
        var store = new SetupTokenStore(_time);
        var token = store.Issue();

        _time.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(SetupLinkState.Open, store.Check(token.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    public void Check_IsNotFound_WhenTokenIsWrong(string? presented)
    {
        var store = new SetupTokenStore(_time);
        store.Issue();

        Assert.Equal(SetupLinkState.NotFound, store.Check(presented));
    }

    [Fact]
    public void Check_IsExpired_WhenTheHourHasPassed()
    {
        var store = new SetupTokenStore(_time);
        var token = store.Issue();

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SetupLinkState.Expired, store.Check(token.Value));
    }

    [Fact]
    public void Check_IsNotFound_WhenTokenWasRevoked()
    {
        var store = new SetupTokenStore(_time);
        var token = store.Issue();

        store.Revoke();

        Assert.Equal(SetupLinkState.NotFound, store.Check(token.Value));
    }

    [Fact]
    public void Check_IsNotFound_WhenANewerTokenWasIssued()
    {
        var store = new SetupTokenStore(_time);
        var old = store.Issue();
        var current = store.Issue();

        Assert.Equal(SetupLinkState.NotFound, store.Check(old.Value));
        Assert.Equal(SetupLinkState.Open, store.Check(current.Value));
    }

    [Fact]
    public void Check_IsNotFound_WhenNoTokenWasIssued() =>
        Assert.Equal(SetupLinkState.NotFound, new SetupTokenStore(_time).Check("anything"));
}
