using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Clients;

/// <summary>Deleting a client (/admin/clients/{id}/delete): after typing its client ID; its grants and tokens go with it.</summary>
public sealed class DeleteClientTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Delete_RemovesClientAndEndsItsTokens_WhenClientIdIsTyped()
    {
        var clientId = "old-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId);
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser, clientId);
        var tokens = await flow.GetTokensAsync(fixture.Server.CreateApiClient(), user.Email!);
        using var admin = await fixture.AdminBrowserAsync();
        var edit = await admin.GetAsync((await admin.GetAsync("/admin/clients")).Document.QuerySelectorAll("table a")
            .First(anchor => anchor.TextContent == clientId).GetAttribute("href")!);

        var page = await admin.SubmitAsync(await admin.GetAsync(edit.Url.AbsolutePath + "/delete"), new Dictionary<string, string> { ["Confirmation"] = clientId });

        Assert.Contains("The client was deleted.", page.Text);
        Assert.DoesNotContain(clientId, page.Text);
        var refreshed = await flow.RefreshAsync(fixture.Server.CreateApiClient(), tokens.RefreshToken);
        Assert.NotNull(refreshed.Error);
        Assert.Null(refreshed.Get("access_token"));
        Assert.Single(await admin.AuditAsync(type: "admin.client_deleted"), entry => entry.ClientId == clientId);
    }

    [Fact]
    public async Task Delete_KeepsClient_WhenConfirmationDoesNotMatch()
    {
        var clientId = "keep-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId);
        using var admin = await fixture.AdminBrowserAsync();
        var edit = await admin.GetAsync((await admin.GetAsync("/admin/clients")).Document.QuerySelectorAll("table a")
            .First(anchor => anchor.TextContent == clientId).GetAttribute("href")!);

        var page = await admin.SubmitAsync(await admin.GetAsync(edit.Url.AbsolutePath + "/delete"), new Dictionary<string, string> { ["Confirmation"] = "web" });

        Assert.Contains("Type the client ID to confirm.", page.Text);
        Assert.Contains(clientId, (await admin.GetAsync("/admin/clients")).Text);
    }
}
