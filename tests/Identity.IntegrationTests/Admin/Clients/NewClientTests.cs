using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Clients;

/// <summary>Registering a client (/admin/clients/new): the import's rules apply, and a secret is shown once.</summary>
public sealed class NewClientTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Create_ShowsSecretOnceThatGetsAToken_WhenClientIsConfidential()
    {
        var clientId = "job-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitClientAsync(await admin.GetAsync("/admin/clients/new"),
            new Dictionary<string, string> { ["Form.ClientId"] = clientId, ["Form.Confidential"] = "true", ["Form.DisplayName"] = "Nightly job" },
            grantTypes: ["client_credentials"], scopes: ["api"]);

        var secret = page.Document.QuerySelector("input#secret")!.GetAttribute("value")!;
        Assert.True(secret.Length >= 43, "A secret of 32 random bytes, base64url.");
        Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString().Split(',')[0].Trim());
        var tokens = await TokenResponse.PostAsync(fixture.Server.CreateApiClient(), new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "api",
        }.WithClient(clientId, secret));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var edit = await admin.GetAsync(page.Document.QuerySelector("a.button.primary")!.GetAttribute("href")!);
        Assert.DoesNotContain(secret, edit.Html);
        var entry = (await admin.AuditAsync(type: "admin.client_created")).Single(candidate => candidate.ClientId == clientId);
        Assert.DoesNotContain(secret, entry.Details);
    }

    [Fact]
    public async Task Create_RegistersPublicClientThatSignsUsersIn_WhenCodeFlowIsChosen()
    {
        var clientId = "spa-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await fixture.AdminBrowserAsync();
        await admin.SubmitClientAsync(await admin.GetAsync("/admin/clients/new"), new Dictionary<string, string>
        {
            ["Form.ClientId"] = clientId,
            ["Form.RedirectUris"] = "https://spa.example/callback",
            ["Form.Consent"] = "implicit",
        }, grantTypes: ["authorization_code"], scopes: ["openid", "profile"]);
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser, clientId, redirectUri: "https://spa.example/callback");

        var tokens = await flow.GetTokensAsync(fixture.Server.CreateApiClient(), user.Email!, "openid profile");

        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
    }

    [Theory]
    [InlineData("http://app.example/callback", "authorization_code", "cannot be used")]
    [InlineData("https://app.example/callback#x", "authorization_code", "cannot be used")]
    [InlineData("", "authorization_code", "needs at least one redirect URI")]
    [InlineData("", "client_credentials", "a public client cannot keep a secret")]
    [InlineData("", "", "Choose at least one grant type.")]
    public async Task Create_ShowsMessageAndRegistersNothing_WhenDefinitionBreaksARule(string redirectUri, string grantType, string message)
    {
        var clientId = "bad-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitClientAsync(await admin.GetAsync("/admin/clients/new"),
            new Dictionary<string, string> { ["Form.ClientId"] = clientId, ["Form.RedirectUris"] = redirectUri },
            grantTypes: grantType.Length == 0 ? [] : [grantType], scopes: []);

        Assert.Equal("/admin/clients/new", page.Url.AbsolutePath);
        Assert.Contains(message, page.Text);
        Assert.DoesNotContain(clientId, (await admin.GetAsync("/admin/clients")).Text);
    }

    [Fact]
    public async Task Create_SaysClientIdIsTaken_WhenClientExists()
    {
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitClientAsync(await admin.GetAsync("/admin/clients/new"),
            new Dictionary<string, string> { ["Form.ClientId"] = "web", ["Form.RedirectUris"] = "https://other.example/cb" },
            grantTypes: ["authorization_code"], scopes: ["openid"]);

        Assert.Contains("Another client already has this client ID.", page.Text);
    }
}
