using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/security/apps: the clients the user granted, what each may see, and revoking one (its refresh tokens stop).</summary>
public sealed class AppsPageTests : IAsyncLifetime
{
    private const string Email = "ines@example.com";
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        await _server.CreateClientAsync();
        await _server.CreateUserAsync(Email);
        await _server.CreateUserAsync("jan@example.com");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Apps_ListsGrantedClientWithWhatItMaySee_WhenUserSignedInThroughIt()
    {
        using var browser = _server.CreateBrowser();
        await new OidcFlow(browser).GetCodeAsync(Email);

        var page = await browser.GetAsync("/account/security/apps");

        var app = Assert.Single(page.Document.QuerySelectorAll("ul.apps > li"));
        Assert.Contains("Client web", app.TextContent, StringComparison.Ordinal);
        Assert.Contains("See your email address", app.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stay connected when you are not using it", app.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last used", app.TextContent, StringComparison.Ordinal);
        Assert.Contains("Client web", (await browser.GetAsync("/account/security")).Document.QuerySelector("section.apps")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_StopsRefreshTokens_WhenUserRemovesAccess()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var api = _server.CreateApiClient();
        var tokens = await flow.GetTokensAsync(api, Email);
        var page = await browser.GetAsync("/account/security/apps");

        var done = await browser.SubmitAsync(page, new Dictionary<string, string>(), formSelector: "form.revoke");

        Assert.Contains("The app's access was removed.", done.Text, StringComparison.Ordinal);
        Assert.Contains("No apps have access to your account.", done.Text, StringComparison.Ordinal);
        var refreshed = await flow.RefreshAsync(api, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.True(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Revoke_ChangesNothing_WhenClientIsNotGrantedByThisUser()
    {
        using var other = _server.CreateBrowser();
        var flow = new OidcFlow(other);
        var api = _server.CreateApiClient();
        var tokens = await flow.GetTokensAsync(api, "jan@example.com");
        var applicationId = (await other.GetAsync("/account/security/apps")).Document
            .QuerySelector("form.revoke input[name=ApplicationId]")!.GetAttribute("value")!;
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync(Email);
        var page = await browser.GetAsync("/account/security/apps");
        Assert.Null(page.Document.QuerySelector("form.revoke"));

        // The antiforgery token of another form of this user's: the request is well formed, only the client is not theirs.
        var token = (await browser.GetAsync("/account/security")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.Http.PostAsync("/account/security/apps?handler=Revoke", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["ApplicationId"] = applicationId, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(api, tokens.RefreshToken)).Status);
    }

    private static async Task<bool> IsSignedInAsync(BrowserClient browser) =>
        (await browser.Http.GetAsync("/account/security")).StatusCode == HttpStatusCode.OK;
}
