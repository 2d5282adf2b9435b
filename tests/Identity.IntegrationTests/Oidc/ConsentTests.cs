using Identity.IntegrationTests.Infrastructure;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Consent (OIDC Core §3.1.2.4, prompt values §3.1.2.1): a client with explicit consent asks once,
/// remembers an Allow as a permanent authorization, answers Deny with access_denied, asks again for
/// prompt=consent or new scopes, and never takes an answer the consent form itself did not post.
/// </summary>
public sealed class ConsentTests(ConsentTests.Fixture fixture) : IClassFixture<ConsentTests.Fixture>
{
    private const string ClientId = "asks-consent";

    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Authorize_ShowsConsentPageListingScopes_WhenClientRequiresExplicitConsent()
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);

        var page = await flow.SignInAsync(await flow.StartAsync("openid email api"), user.Email!);

        Assert.Null(page.RedirectedTo);
        Assert.Contains("Client asks-consent", page.Text);
        var scopes = page.Document.QuerySelectorAll("ul.scopes li").Select(item => item.TextContent.Trim()).ToList();
        Assert.Equal(["Sign you in", "See your email address", "Use api"], scopes);
        Assert.NotNull(page.Document.QuerySelector("button[name='submit.Accept']"));
        Assert.NotNull(page.Document.QuerySelector("button[name='submit.Deny']"));
    }

    [Fact]
    public async Task Allow_IssuesCodeAndRemembersConsent_WhenUserAllows()
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);
        var consent = await flow.SignInAsync(await flow.StartAsync("openid email"), user.Email!);

        var allowed = await browser.SubmitAsync(consent, new Dictionary<string, string>(), button: "submit.Accept");

        var callback = OidcFlow.CallbackParameters(allowed);
        Assert.Equal(flow.State, callback["state"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await flow.RedeemAsync(_api, callback["code"])).Status);
        var next = await new OidcFlow(browser, ClientId).StartAsync("openid email");
        Assert.True(OidcFlow.CallbackParameters(next).ContainsKey("code"), "Consent was asked again although it was given.");
    }

    [Fact]
    public async Task Deny_ReturnsAccessDeniedToClient_WhenUserDenies()
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);
        var consent = await flow.SignInAsync(await flow.StartAsync("openid email"), user.Email!);

        var denied = await browser.SubmitAsync(consent, new Dictionary<string, string>(), button: "submit.Deny");

        var callback = OidcFlow.CallbackParameters(denied);
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal(flow.State, callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_AsksAgain_WhenPromptIsConsentDespiteEarlierConsent()
    {
        var (browser, _) = await ConsentedBrowserAsync("openid email");

        var page = await new OidcFlow(browser, ClientId).StartAsync("openid email", new Dictionary<string, string?> { ["prompt"] = "consent" });

        Assert.Null(page.RedirectedTo);
        Assert.NotNull(page.Document.QuerySelector("button[name='submit.Accept']"));
    }

    [Fact]
    public async Task Authorize_AsksAgain_WhenMoreScopesAreRequestedThanGranted()
    {
        var (browser, _) = await ConsentedBrowserAsync("openid");

        var page = await new OidcFlow(browser, ClientId).StartAsync("openid email");

        Assert.Null(page.RedirectedTo);
        Assert.NotNull(page.Document.QuerySelector("button[name='submit.Accept']"));
    }

    [Fact]
    public async Task Authorize_ReturnsConsentRequired_WhenPromptIsNoneWithoutConsent()
    {
        var (browser, user) = await NewBrowserAsync();
        await browser.SignInAsync(user.Email!);
        var flow = new OidcFlow(browser, ClientId);

        var page = await flow.StartAsync("openid email", new Dictionary<string, string?> { ["prompt"] = "none" });

        var callback = OidcFlow.CallbackParameters(page);
        Assert.Equal("consent_required", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Allow_IssuesNoCode_WhenPostLacksAntiforgeryToken()
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);
        var consent = await flow.SignInAsync(await flow.StartAsync("openid email"), user.Email!);

        // What a hostile page could make the signed-in browser post: the request plus "Allow", no token.
        var forged = await browser.PostFormAsync(consent, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = string.Empty,
            ["submit.Accept"] = "1",
        });

        var location = forged.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("code=", location);
        var page = await BrowserClient.Page.ReadAsync(forged);
        Assert.NotNull(page.Document.QuerySelector("button[name='submit.Accept']"));
        var again = await new OidcFlow(browser, ClientId).StartAsync("openid email", new Dictionary<string, string?> { ["prompt"] = "none" });
        Assert.Equal("consent_required", OidcFlow.CallbackParameters(again)["error"]);
    }

    [Fact]
    public async Task Allow_IssuesNoCode_WhenSignedOutBrowserPostsConsent()
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);
        var consent = await flow.SignInAsync(await flow.StartAsync("openid email"), user.Email!);
        using var stranger = fixture.Server.CreateBrowser();

        var response = await stranger.PostFormAsync(consent, new Dictionary<string, string>(), button: "submit.Accept");

        Assert.DoesNotContain("code=", response.Headers.Location?.ToString() ?? string.Empty);
    }

    private async Task<(BrowserClient Browser, Identity.Server.Data.ApplicationUser User)> NewBrowserAsync() =>
        (fixture.Server.CreateBrowser(), await fixture.NewUserAsync());

    private async Task<(BrowserClient Browser, Identity.Server.Data.ApplicationUser User)> ConsentedBrowserAsync(string scope)
    {
        var (browser, user) = await NewBrowserAsync();
        var flow = new OidcFlow(browser, ClientId);
        var consent = await flow.SignInAsync(await flow.StartAsync(scope), user.Email!);
        var allowed = await browser.SubmitAsync(consent, new Dictionary<string, string>(), button: "submit.Accept");
        Assert.True(OidcFlow.CallbackParameters(allowed).ContainsKey("code"));
        return (browser, user);
    }

    /// <summary>The shared server, plus a client that asks the user's consent.</summary>
    public sealed class Fixture : OidcServerFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Server.CreateClientAsync(ClientId, consentType: OpenIddictConstants.ConsentTypes.Explicit);
        }
    }
}
