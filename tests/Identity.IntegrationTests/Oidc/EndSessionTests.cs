using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2–3): the user confirms, is signed
/// out, and is sent back only to a post_logout_redirect_uri registered for the client, with state.
/// </summary>
public sealed class EndSessionTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Get_ShowsConfirmationPage_WhenIdTokenHintAndRegisteredRedirectAreGiven()
    {
        var (browser, tokens) = await SignInAsync();

        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, TestData.ClientPostLogoutUri, "s1"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Client web asks to sign you out. Do you want to sign out?", page.Text);
        Assert.NotNull(page.Document.QuerySelector("form.form button[name='confirm'][value='yes']"));
        Assert.NotNull(page.Document.QuerySelector("form.form button[name='confirm'][value='no']"));
    }

    [Fact]
    public async Task Confirm_SignsOutAndRedirectsWithState_WhenUserConfirms()
    {
        var (browser, tokens) = await SignInAsync();
        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, TestData.ClientPostLogoutUri, "state-123"));

        var confirmed = await browser.SubmitAsync(page, new Dictionary<string, string>(), button: "confirm");

        var redirect = confirmed.RedirectedTo ?? throw new InvalidOperationException($"No redirect: {(int)confirmed.Status} {confirmed.Text}");
        Assert.Equal(TestData.ClientPostLogoutUri, redirect.GetLeftPart(UriPartial.Path));
        Assert.Equal("state-123", QueryHelpers.ParseQuery(redirect.Query)["state"].ToString());
        var next = await new OidcFlow(browser).StartAsync();
        Assert.Equal("/account/login", next.Url.AbsolutePath);
    }

    [Fact]
    public async Task Confirm_SignsOutAndShowsServerPage_WhenNoRedirectUriIsGiven()
    {
        var (browser, tokens) = await SignInAsync();
        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, null, null));

        var confirmed = await browser.SubmitAsync(page, new Dictionary<string, string>(), button: "confirm");

        Assert.Null(confirmed.RedirectedTo);
        Assert.Equal("/account/login", (await new OidcFlow(browser).StartAsync()).Url.AbsolutePath);
    }

    [Fact]
    public async Task StaySignedIn_KeepsSession_WhenUserDeclines()
    {
        var (browser, tokens) = await SignInAsync();
        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, TestData.ClientPostLogoutUri, "s2"));

        var response = await browser.PostFormAsync(page, new Dictionary<string, string> { ["confirm"] = "no" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual("client.example", new Uri(IdentityServerFactory.Issuer, response.Headers.Location!).Host);
        var next = await new OidcFlow(browser).StartAsync();
        Assert.NotNull(next.RedirectedTo);
        Assert.True(OidcFlow.CallbackParameters(next).ContainsKey("code"), "The session did not survive declining to sign out.");
    }

    [Fact]
    public async Task Get_ShowsErrorPageWithoutRedirect_WhenPostLogoutRedirectUriIsNotRegistered()
    {
        var (browser, tokens) = await SignInAsync();

        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, "https://attacker.example/phish", "s3"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.RedirectedTo);
        Assert.Contains("invalid_request", page.Text);
        Assert.DoesNotContain("attacker.example", page.Response.Headers.Location?.ToString() ?? string.Empty);
        Assert.Null(page.Document.QuerySelector("button[name='confirm']"));
    }

    [Fact]
    public async Task Confirm_NeverRedirectsToUnregisteredUri_WhenFormIsTamperedWith()
    {
        var (browser, tokens) = await SignInAsync();
        var page = await browser.GetAsync(EndSessionUrl(tokens.IdToken, TestData.ClientPostLogoutUri, "s4"));

        var response = await browser.PostFormAsync(page, new Dictionary<string, string>
        {
            ["post_logout_redirect_uri"] = "https://attacker.example/phish",
            ["confirm"] = "yes",
        });

        Assert.DoesNotContain("attacker.example", response.Headers.Location?.ToString() ?? string.Empty);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Get_ShowsErrorPage_WhenIdTokenHintIsGarbage()
    {
        using var browser = fixture.Server.CreateBrowser();

        var page = await browser.GetAsync(EndSessionUrl("garbage.token.value", TestData.ClientPostLogoutUri, "s5"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.RedirectedTo);
        Assert.Contains("invalid_request", page.Text);
        Assert.DoesNotContain("   at ", page.Html);
        Assert.DoesNotContain("Exception", page.Html);
    }

    [Fact]
    public async Task Confirm_KeepsSession_WhenPostHasNoAntiforgeryToken()
    {
        var (browser, tokens) = await SignInAsync();

        // A cross-site form post: another site can make the browser send it, but not the token.
        var response = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token_hint"] = tokens.IdToken,
            ["post_logout_redirect_uri"] = TestData.ClientPostLogoutUri,
            ["confirm"] = "yes",
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var next = await new OidcFlow(browser).StartAsync();
        Assert.True(OidcFlow.CallbackParameters(next).ContainsKey("code"), "A forged sign-out post ended the session.");
    }

    private static string EndSessionUrl(string idToken, string? postLogoutRedirectUri, string? state) =>
        QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
            ["state"] = state,
        });

    private async Task<(BrowserClient Browser, TokenResponse Tokens)> SignInAsync()
    {
        var user = await fixture.NewUserAsync();
        var browser = fixture.Server.CreateBrowser();
        return (browser, await new OidcFlow(browser).GetTokensAsync(_api, user.Email!));
    }
}
