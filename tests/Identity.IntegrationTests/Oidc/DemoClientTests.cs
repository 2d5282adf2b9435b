using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// A real relying party against the server: ASP.NET Core's OpenIdConnect handler in the demo client
/// signs in with the code flow and PKCE (OIDC Core §3.1), shows how the user authenticated (amr,
/// RFC 8176), and signs out through RP-initiated logout, ending the server session too.
/// </summary>
public sealed class DemoClientTests(DemoClientTests.Sites sites) : IClassFixture<DemoClientTests.Sites>
{
    [Fact]
    public async Task SignIn_ShowsUserAndPasswordAmr_WhenSignedInThroughServer()
    {
        var (browser, user) = await NewUserBrowserAsync();

        var login = await browser.GetAsync("/signin");
        Assert.Equal(IdentityServerFactory.Issuer.Authority, login.Url.Authority);
        Assert.Equal("/account/login", login.Url.AbsolutePath);
        Assert.Contains("Demo client", login.Text);
        var home = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestData.Password,
        });

        Assert.Equal(DemoClientFactory.BaseAddress.Authority, home.Url.Authority);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Signed in as", home.Text);
        Assert.Contains(user.DisplayName!, home.Document.QuerySelector(".who")?.TextContent);
        var amr = home.Document.QuerySelectorAll("code.tag").Select(tag => tag.TextContent).ToList();
        Assert.Contains("pwd", amr);
    }

    [Fact]
    public async Task SignIn_GivesDemoAccessAndRefreshTokens_WhenSignedIn()
    {
        var (browser, user) = await NewUserBrowserAsync();
        await SignInAsync(browser, user.Email!);

        var tokens = await browser.Http.GetFromJsonAsync<JsonElement>("/tokens");

        Assert.True(tokens.GetProperty("accessTokenPresent").GetBoolean());
        Assert.True(tokens.GetProperty("refreshTokenPresent").GetBoolean());
        Assert.Equal(user.Id, tokens.GetProperty("idTokenClaims").GetProperty("sub").GetString());
    }

    [Fact]
    public async Task SignOut_EndsDemoAndServerSessions_WhenUserConfirmsAtServer()
    {
        var (browser, user) = await NewUserBrowserAsync();
        var home = await SignInAsync(browser, user.Email!);

        var confirm = await browser.SubmitAsync(home, new Dictionary<string, string>(), formSelector: "form[action='/signout']");
        Assert.Equal(IdentityServerFactory.Issuer.Authority, confirm.Url.Authority);
        Assert.Equal("/connect/endsession", confirm.Url.AbsolutePath);
        Assert.Contains("Demo client", confirm.Text);
        var signedOut = await browser.SubmitAsync(confirm, new Dictionary<string, string>(), button: "confirm");

        Assert.Equal(DemoClientFactory.BaseAddress.Authority, signedOut.Url.Authority);
        Assert.Contains("You are signed out.", signedOut.Text);
        var again = await browser.GetAsync("/signin");
        Assert.Equal(IdentityServerFactory.Issuer.Authority, again.Url.Authority);
        Assert.Equal("/account/login", again.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_ShowsLoginRequired_WhenPromptIsNoneWithoutServerSession()
    {
        var (browser, _) = await NewUserBrowserAsync();

        var home = await browser.GetAsync("/signin?prompt=none");

        Assert.Equal(DemoClientFactory.BaseAddress.Authority, home.Url.Authority);
        Assert.Contains("login_required", home.Text);
        Assert.Contains("You are signed out.", home.Text);
    }

    [Fact]
    public async Task SignIn_AsksForPasswordAgain_WhenDemoRequestsMaxAgeZero()
    {
        var (browser, user) = await NewUserBrowserAsync();
        await SignInAsync(browser, user.Email!);

        var login = await browser.GetAsync("/signin?max_age=0");
        Assert.Equal("/account/login", login.Url.AbsolutePath);
        var home = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestData.Password,
        });

        Assert.Contains("Signed in as", home.Text);
    }

    private async Task<BrowserClient.Page> SignInAsync(BrowserClient browser, string email)
    {
        var login = await browser.GetAsync("/signin");
        var home = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestData.Password,
        });
        Assert.Contains("Signed in as", home.Text);
        return home;
    }

    private async Task<(BrowserClient Browser, Identity.Server.Data.ApplicationUser User)> NewUserBrowserAsync() =>
        (sites.Demo.CreateBrowser(), await sites.NewUserAsync("demo-user"));

    /// <summary>The server with the demo registered, and the demo client pointed at it.</summary>
    public sealed class Sites : OidcServerFixture
    {
        public DemoClientFactory Demo { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await DemoClientFactory.RegisterAsync(Server);
            Demo = new DemoClientFactory(Server);
        }

        public override async Task DisposeAsync()
        {
            await Demo.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
