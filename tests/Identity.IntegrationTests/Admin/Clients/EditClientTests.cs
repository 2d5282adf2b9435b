using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Clients;

/// <summary>Editing a client (/admin/clients/{id}): what is saved is what the client may do next.</summary>
public sealed class EditClientTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Save_LetsClientUseNewRedirectUri_WhenOneIsAdded()
    {
        var (admin, edit, clientId) = await NewClientPageAsync();

        var page = await admin.SubmitClientAsync(edit, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Renamed app",
            ["Form.RedirectUris"] = TestData.ClientRedirectUri + "\nhttps://client.example/second",
        });

        Assert.Contains("The changes were saved.", page.Text);
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser, clientId, redirectUri: "https://client.example/second");
        Assert.False(string.IsNullOrEmpty((await flow.GetTokensAsync(fixture.Server.CreateApiClient(), user.Email!, "openid")).AccessToken));
        var entry = (await admin.AuditAsync(type: "admin.client_updated")).Single(candidate => candidate.ClientId == clientId);
        Assert.Contains("displayName", entry.Details);
        Assert.Contains("redirectUris", entry.Details);
        admin.Dispose();
    }

    [Fact]
    public async Task Save_SendsUsersToSecondFactor_WhenClientRequiresMfa()
    {
        var (admin, edit, clientId) = await NewClientPageAsync();
        await admin.SubmitClientAsync(edit, new Dictionary<string, string> { ["Form.RequireMfa"] = "true" });
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser, clientId);

        var page = await flow.SignInAsync(await flow.StartAsync("openid"), user.Email!);

        Assert.Null(page.RedirectedTo);
        Assert.StartsWith("/account/", page.Url.AbsolutePath);
        Assert.Contains("two-step", page.Text, StringComparison.OrdinalIgnoreCase);
        admin.Dispose();
    }

    [Fact]
    public async Task Save_ShowsMessageAndKeepsClient_WhenRedirectUriHasIssParameter()
    {
        var (admin, edit, clientId) = await NewClientPageAsync();

        var page = await admin.SubmitClientAsync(edit, new Dictionary<string, string> { ["Form.RedirectUris"] = "https://client.example/cb?iss=https://evil.example" });

        Assert.Contains("cannot be used", page.Text);
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        Assert.False(string.IsNullOrEmpty(await new OidcFlow(browser, clientId).GetCodeAsync(user.Email!, "openid")));
        admin.Dispose();
    }

    [Fact]
    public async Task Get_Answers404_WhenClientDoesNotExist()
    {
        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/clients/no-such-client")).Status);
    }

    private async Task<(BrowserClient Admin, BrowserClient.Page Edit, string ClientId)> NewClientPageAsync()
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId);
        var admin = await fixture.AdminBrowserAsync();
        var list = await admin.GetAsync("/admin/clients");
        var link = list.Document.QuerySelectorAll("table a").First(anchor => anchor.TextContent == clientId).GetAttribute("href")!;
        return (admin, await admin.GetAsync(link), clientId);
    }
}
