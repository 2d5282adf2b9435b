using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.NewDevice;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/security/devices and the devices section of the security page: this device marked,
/// rename, forget, sign out one device, and sign out everywhere (sessions end, refresh tokens stop).</summary>
public sealed class DevicesPageTests : IAsyncLifetime
{
    private const string Email = "gijs@example.com";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    private readonly IdentityServerFactory _server = new IdentityServerFactory()
        .With("NewDevice:Policy", "NewDevice")
        .With("SecondFactors:ResendCooldown", "00:00:00")
        .With("Accounts:SessionValidationInterval", "00:00:00");

    public async Task InitializeAsync()
    {
        await _server.CreateClientAsync();
        await _server.CreateUserAsync(Email);
        await _server.CreateUserAsync("other@example.com");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Security_ListsDeviceMarkedAsThisOne_WhenChallengeWasPassed()
    {
        using var browser = _server.CreateBrowser(new CookieContainer(), Firefox);
        await browser.SignInWithEmailCodeAsync(_server, Email);

        var page = await browser.GetAsync("/account/security");

        var devices = page.Document.QuerySelector("section.devices")!.TextContent;
        Assert.Contains("Firefox on Linux", devices, StringComparison.Ordinal);
        Assert.Contains("(this device)", devices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_ShowsNewName_WhenNameIsGiven()
    {
        using var browser = _server.CreateBrowser(new CookieContainer(), Firefox);
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var page = await browser.GetAsync("/account/security/devices");

        var renamed = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Name"] = "Work laptop" }, formSelector: "form.rename");

        Assert.Contains("The device was renamed.", renamed.Text, StringComparison.Ordinal);
        Assert.Contains("Work laptop", (await browser.GetAsync("/account/security")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_ShowsError_WhenNameIsTooLong()
    {
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var page = await browser.GetAsync("/account/security/devices");

        var refused = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Name"] = new string('x', 65) }, formSelector: "form.rename");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Use at most 64 characters.", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_ChallengesNextSignIn_WhenDeviceIsForgotten()
    {
        var jar = new CookieContainer();
        using var browser = _server.CreateBrowser(jar);
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var page = await browser.GetAsync("/account/security/devices");

        await browser.PostFormAsync(page, new Dictionary<string, string>(), formSelector: "form.forget");

        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal("/account/two-step", (await browser.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
    }

    [Fact]
    public async Task SignOutDevice_EndsThatBrowsersSession_WhenAnotherDeviceIsSignedOut()
    {
        using var laptop = _server.CreateBrowser(new CookieContainer(), Firefox);
        await laptop.SignInWithEmailCodeAsync(_server, Email);
        using var phone = _server.CreateBrowser(new CookieContainer());
        await phone.SignInWithEmailCodeAsync(_server, Email);
        var page = await phone.GetAsync("/account/security/devices");
        var laptopForm = page.Document.QuerySelectorAll("ul.devices > li")
            .Single(item => item.TextContent.Contains("Firefox on Linux", StringComparison.Ordinal))
            .QuerySelector("form.sign-out input[name=DeviceId]")!.GetAttribute("value")!;

        var done = await phone.SubmitAsync(page, new Dictionary<string, string> { ["DeviceId"] = laptopForm }, formSelector: "form.sign-out");

        Assert.Contains("The device was signed out.", done.Text, StringComparison.Ordinal);
        Assert.False(await laptop.IsSignedInAsync());
        Assert.True(await phone.IsSignedInAsync());
        Assert.Equal("/account/security", (await laptop.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
    }

    [Fact]
    public async Task SignOutDevice_ChangesNothing_WhenDeviceBelongsToAnotherAccount()
    {
        using var theirs = _server.CreateBrowser(new CookieContainer());
        await theirs.SignInWithEmailCodeAsync(_server, "other@example.com");
        var theirDevice = (await theirs.GetAsync("/account/security/devices")).Document
            .QuerySelector("form.sign-out input[name=DeviceId]")!.GetAttribute("value")!;
        using var mine = _server.CreateBrowser(new CookieContainer());
        await mine.SignInWithEmailCodeAsync(_server, Email);
        var page = await mine.GetAsync("/account/security/devices");

        var response = await mine.PostFormAsync(page, new Dictionary<string, string> { ["DeviceId"] = theirDevice }, formSelector: "form.forget");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await theirs.IsSignedInAsync());
    }

    [Fact]
    public async Task SignOutEverywhere_EndsOtherSessionsAndRevokesRefreshTokens_WhenOwnerAsks()
    {
        using var other = _server.CreateBrowser(new CookieContainer());
        var flow = new OidcFlow(other);
        var start = await flow.StartAsync();
        var callback = await other.EnterCodeAsync(await flow.SignInAsync(start, Email), _server.LastEmailCode(Email));
        var api = _server.CreateApiClient();
        var tokens = await flow.RedeemAsync(api, OidcFlow.CallbackParameters(callback)["code"]);
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        var security = await browser.GetAsync("/account/security");

        var done = await browser.SubmitAsync(security, new Dictionary<string, string>(), formSelector: "form.everywhere");

        Assert.Contains("You were signed out everywhere else", done.Text, StringComparison.Ordinal);
        Assert.True(await browser.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());
        var refreshed = await flow.RefreshAsync(api, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        var introspected = await TokenResponse.PostAsync(api, new Dictionary<string, string> { ["token"] = tokens.AccessToken }.WithClient("web", null), "/connect/introspect");
        Assert.False(introspected.Body.TryGetProperty("active", out var active) && active.GetBoolean());
    }
}
