using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Clients;

/// <summary>Rotating a client secret (/admin/clients/{id}/secret): the new one works at once, the old one no longer.</summary>
public sealed class RotateSecretTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string OldSecret = "the-old-secret-that-is-long-enough";

    [Fact]
    public async Task Rotate_ReplacesSecret_WhenAdministratorConfirms()
    {
        var clientId = "svc-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId, OldSecret, clientCredentials: true);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clientId, OldSecret)).Status);
        using var admin = await fixture.AdminBrowserAsync();
        var edit = await admin.GetAsync(await LinkAsync(admin, clientId));

        var page = await admin.SubmitAsync(await admin.GetAsync(edit.Url.AbsolutePath + "/secret"), new Dictionary<string, string>());

        var secret = page.Document.QuerySelector("input#secret")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clientId, secret)).Status);
        Assert.Equal("invalid_client", (await TokenAsync(clientId, OldSecret)).Error);
        var entry = (await admin.AuditAsync(type: "admin.client_secret_rotated")).Single(candidate => candidate.ClientId == clientId);
        Assert.DoesNotContain(secret, entry.Details);
    }

    [Fact]
    public async Task Rotate_Answers404_WhenClientIsPublic()
    {
        var clientId = "pub-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId);
        using var admin = await fixture.AdminBrowserAsync();
        var edit = await admin.GetAsync(await LinkAsync(admin, clientId));

        var page = await admin.GetAsync(edit.Url.AbsolutePath + "/secret");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    private Task<TokenResponse> TokenAsync(string clientId, string secret) =>
        TokenResponse.PostAsync(fixture.Server.CreateApiClient(), new Dictionary<string, string> { ["grant_type"] = "client_credentials" }.WithClient(clientId, secret));

    private static async Task<string> LinkAsync(BrowserClient admin, string clientId) =>
        (await admin.GetAsync("/admin/clients")).Document.QuerySelectorAll("table a").First(anchor => anchor.TextContent == clientId).GetAttribute("href")!;
}
