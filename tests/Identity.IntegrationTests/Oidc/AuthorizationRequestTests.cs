using System.Globalization;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The authorization request's sign-in parameters (OIDC Core §3.1.2.1, §3.1.2.3): prompt=none never
/// shows a page, prompt=login and max_age force a fresh sign-in once (never a loop), login_hint fills
/// in the email address, and an id_token_hint for someone else is not answered with this session.
/// </summary>
public sealed class AuthorizationRequestTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Authorize_ReturnsLoginRequired_WhenPromptIsNoneWithoutSession()
    {
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        var callback = OidcFlow.CallbackParameters(page);
        Assert.Equal("login_required", callback["error"]);
        Assert.Equal(flow.State, callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_IssuesCodeWithoutPage_WhenPromptIsNoneWithSession()
    {
        var (browser, _) = await SignedInBrowserAsync();

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        Assert.True(OidcFlow.CallbackParameters(page).ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_ReturnsLoginRequired_WhenPromptIsNoneAndSessionUserIsLockedOut()
    {
        var (browser, user) = await SignedInBrowserAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddHours(1)));

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        Assert.Equal("login_required", OidcFlow.CallbackParameters(page)["error"]);
    }

    [Fact]
    public async Task Authorize_ShowsLoginAgainThenIssuesCode_WhenPromptIsLoginWithSession()
    {
        var (browser, user) = await SignedInBrowserAsync();
        var flow = new OidcFlow(browser);

        var login = await flow.StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "login" });
        Assert.Equal("/account/login", login.Url.AbsolutePath);
        var after = await flow.SignInAsync(login, user.Email!);

        var callback = OidcFlow.CallbackParameters(after);
        Assert.Equal(flow.State, callback["state"]);
        Assert.True(callback.ContainsKey("code"), "Signing in again did not lead back to the client.");
    }

    [Fact]
    public async Task Authorize_ForcesFreshSignInThenIssuesCode_WhenMaxAgeIsZero()
    {
        var (browser, user) = await SignedInBrowserAsync();
        var flow = new OidcFlow(browser);

        var login = await flow.StartAsync(extra: new Dictionary<string, string?> { ["max_age"] = "0" });
        Assert.Equal("/account/login", login.Url.AbsolutePath);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var callback = OidcFlow.CallbackParameters(await flow.SignInAsync(login, user.Email!));
        var tokens = await flow.RedeemAsync(_api, callback["code"]);

        var idToken = await new TokenValidator(_api).ValidateIdTokenAsync(tokens.IdToken, OidcServerFixture.PublicClientId);
        var authTime = long.Parse(idToken.GetClaim("auth_time").Value, CultureInfo.InvariantCulture);
        Assert.InRange(authTime, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Authorize_IssuesCodeWithoutSignIn_WhenSessionIsYoungerThanMaxAge()
    {
        var (browser, _) = await SignedInBrowserAsync();

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["max_age"] = "3600" });

        Assert.True(OidcFlow.CallbackParameters(page).ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_ReturnsLoginRequired_WhenPromptIsNoneAndMaxAgeIsZero()
    {
        var (browser, _) = await SignedInBrowserAsync();

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none", ["max_age"] = "0" });

        Assert.Equal("login_required", OidcFlow.CallbackParameters(page)["error"]);
    }

    [Fact]
    public async Task Authorize_PrefillsEmail_WhenLoginHintIsGiven()
    {
        using var browser = fixture.Server.CreateBrowser();

        var login = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["login_hint"] = "hinted@example.com" });

        Assert.Equal("/account/login", login.Url.AbsolutePath);
        var email = login.Document.QuerySelector("input[name='Input.Email']");
        Assert.Equal("hinted@example.com", email?.GetAttribute("value"));
        Assert.NotNull(login.Document.QuerySelector($"label[for='{email?.Id}']"));
    }

    [Fact]
    public async Task Authorize_ReturnsLoginRequired_WhenPromptIsNoneAndIdTokenHintIsForAnotherUser()
    {
        var other = await fixture.NewUserAsync("other");
        var otherTokens = await new OidcFlow(fixture.Server.CreateBrowser()).GetTokensAsync(_api, other.Email!, "openid");
        var (browser, _) = await SignedInBrowserAsync();

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?>
        {
            ["prompt"] = "none",
            ["id_token_hint"] = otherTokens.IdToken,
        });

        var callback = OidcFlow.CallbackParameters(page);
        Assert.Equal("login_required", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_IssuesCode_WhenPromptIsNoneAndIdTokenHintIsForSessionUser()
    {
        var (browser, user) = await SignedInBrowserAsync();
        var own = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid");

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?>
        {
            ["prompt"] = "none",
            ["id_token_hint"] = own.IdToken,
        });

        Assert.True(OidcFlow.CallbackParameters(page).ContainsKey("code"));
    }

    private async Task<(BrowserClient Browser, Identity.Server.Data.ApplicationUser User)> SignedInBrowserAsync()
    {
        var user = await fixture.NewUserAsync();
        var browser = fixture.Server.CreateBrowser();
        await new OidcFlow(browser).GetCodeAsync(user.Email!);
        return (browser, user);
    }
}
