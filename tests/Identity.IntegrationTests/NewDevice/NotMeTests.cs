using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.NewDevice;

/// <summary>
/// The new-device notice and its "This wasn't me" link (/account/not-me): the email names the device, time
/// and address; the link, used once, ends every session, revokes the refresh tokens and sends a reset link.
/// </summary>
public sealed class NotMeTests : IAsyncLifetime
{
    private const string Email = "fenna@example.com";
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private readonly FakeTwilio _twilio = new();
    private readonly IdentityServerFactory _server = new IdentityServerFactory()
        .With("NewDevice:Policy", "NewDevice")
        .With("SecondFactors:ResendCooldown", "00:00:00")
        .With("Accounts:SessionValidationInterval", "00:00:00");

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server);
        await _server.CreateClientAsync();
        await _server.CreateUserAsync(Email);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _twilio.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_SendsNoticeNamingDevice_WhenBrowserIsNew()
    {
        using var browser = _server.CreateBrowser(new CookieContainer(), ChromeOnWindows);

        await browser.SignInWithEmailCodeAsync(_server, Email);

        var notice = Assert.Single(_server.MailTo(Email), message => message.Subject == "New sign-in to your Identity account");
        Assert.Contains("Device: Chrome on Windows", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("When: ", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("IP address: ", notice.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("/account/not-me?", notice.Link("/account/not-me"), StringComparison.Ordinal);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task SignIn_TextsNotice_WhenOwnerChoseTextNotices()
    {
        await _server.ChangeUserAsync(Email, (users, user) =>
        {
            user.PhoneNumber = SecondFactorTestData.Phone;
            user.PhoneNumberConfirmed = true;
            user.NotifyNewDeviceBySms = true;
            return users.UpdateAsync(user);
        });
        using var browser = _server.CreateBrowser(new CookieContainer(), ChromeOnWindows);
        var challenge = await browser.SignInWithPasswordAsync(Email);

        await browser.EnterCodeAsync(challenge, _twilio.LastCode(SecondFactorTestData.Phone));

        var notice = _twilio.Requests.Last().Form["Body"];
        Assert.StartsWith("New sign-in to your Identity account from Chrome on Windows. Not you? https://localhost/account/not-me?", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotMe_EndsSessionsAndRevokesRefreshTokens_WhenOwnerConfirms()
    {
        using var intruder = _server.CreateBrowser(new CookieContainer());
        var flow = new OidcFlow(intruder);
        var start = await flow.StartAsync();
        var challenge = await flow.SignInAsync(start, Email);
        var callback = await intruder.EnterCodeAsync(challenge, _server.LastEmailCode(Email));
        var api = _server.CreateApiClient();
        var tokens = await flow.RedeemAsync(api, OidcFlow.CallbackParameters(callback)["code"]);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var link = _server.MailTo(Email).Single(message => message.Subject == "New sign-in to your Identity account").Link("/account/not-me");
        using var owner = _server.CreateBrowser();

        var ask = await owner.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(api, tokens.RefreshToken)).Status);
        var done = await owner.SubmitAsync(ask, new Dictionary<string, string>());

        Assert.Contains("Your account was signed out everywhere", done.Text, StringComparison.Ordinal);
        Assert.False(await intruder.IsSignedInAsync());
        var refreshed = await flow.RefreshAsync(api, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Contains(_server.MailTo(Email), message => message.Subject == "Reset your Identity password");
        Assert.Equal("/account/two-step", (await intruder.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
    }

    [Fact]
    public async Task NotMe_ChangesNothing_WhenLinkIsOpenedButNotConfirmed()
    {
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var link = _server.MailTo(Email).Single(message => message.Subject == "New sign-in to your Identity account").Link("/account/not-me");
        using var scanner = _server.CreateBrowser();

        var page = await scanner.GetAsync(link);

        Assert.Contains("Sign out everywhere and reset my password", page.Text, StringComparison.Ordinal);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task NotMe_RefusesLink_WhenUsedTwice()
    {
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var link = _server.MailTo(Email).Single(message => message.Subject == "New sign-in to your Identity account").Link("/account/not-me");
        using var owner = _server.CreateBrowser();
        var ask = await owner.GetAsync(link);
        await owner.SubmitAsync(ask, new Dictionary<string, string>());
        var resetMails = _server.MailTo(Email).Count(message => message.Subject == "Reset your Identity password");

        var replay = await owner.SubmitAsync(ask, new Dictionary<string, string>());

        Assert.Contains("This link has expired or was already used.", replay.Text, StringComparison.Ordinal);
        Assert.Contains("This link has expired or was already used.", (await owner.GetAsync(link)).Text, StringComparison.Ordinal);
        Assert.Equal(resetMails, _server.MailTo(Email).Count(message => message.Subject == "Reset your Identity password"));
    }

    [Theory]
    [InlineData("?id=00000000000000000000000000000000&token=AAAA")]
    [InlineData("?id=not-a-guid&token=%%%")]
    [InlineData("")]
    public async Task NotMe_RefusesLink_WhenLinkIsForged(string query)
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync("/account/not-me" + query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This link has expired or was already used.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.form button"));
    }
}
