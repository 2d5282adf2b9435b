using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Twilio failures during the second step: the user stays on the page with a clear message
/// and the other methods, never an error page.</summary>
public sealed class TextMessageFailureTests : IAsyncLifetime
{
    private const string Email = "bob@example.com";
    private readonly FakeTwilio _twilio = new();
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server, timeout: TimeSpan.FromSeconds(3));
        await _server.CreateUserAsync(Email);
        await _server.EnableTwoStepAsync(Email, authenticator: true);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _twilio.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(21211, "cannot receive text messages")]
    [InlineData(21610, "has blocked our text messages")]
    public async Task SignIn_ExplainsAndOffersOtherMethods_WhenTwilioRefusesNumber(int errorCode, string message)
    {
        _twilio.FailWith(400, errorCode);
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInWithPasswordAsync(Email);

        AssertStillChoosing(page, message);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task SignIn_RetriesOnceThenExplains_WhenTwilioAnswers500()
    {
        _twilio.FailWith(500, 20500);
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInWithPasswordAsync(Email);

        AssertStillChoosing(page, "could not send the text message");
        Assert.Equal(2, _twilio.Requests.Count);
    }

    [Fact]
    public async Task SignIn_GivesUpWithinBound_WhenTwilioDoesNotAnswer()
    {
        _twilio.Hang(TimeSpan.FromSeconds(10));
        using var browser = _server.CreateBrowser();
        var started = DateTime.UtcNow;

        var page = await browser.SignInWithPasswordAsync(Email);

        AssertStillChoosing(page, "could not send the text message");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task SignIn_Succeeds_WithAnotherMethod_WhenTextFailed()
    {
        _twilio.FailWith(400, 21211);
        using var browser = _server.CreateBrowser();
        await browser.SignInWithPasswordAsync(Email);

        var authenticator = await browser.GetAsync("/account/two-step?method=authenticator");
        await browser.EnterCodeAsync(authenticator, SecondFactorTestData.AuthenticatorCode(DateTimeOffset.UtcNow));

        Assert.True(await browser.IsSignedInAsync());
    }

    private static void AssertStillChoosing(BrowserClient.Page page, string message)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.Contains("Use my authenticator app", page.Text, StringComparison.Ordinal);
        Assert.Contains("Use a recovery code", page.Text, StringComparison.Ordinal);
    }
}
