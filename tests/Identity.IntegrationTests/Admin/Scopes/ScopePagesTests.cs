using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Scopes;

/// <summary>API scopes (/admin/scopes, /admin/scopes/new, /admin/scopes/{id}): created, edited and deleted with the import's rules.</summary>
public sealed class ScopePagesTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Create_AddsScopeThatClientsCanBeGiven_WhenNameIsValid()
    {
        var name = "orders." + Guid.NewGuid().ToString("N")[..6];
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/scopes/new"), new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.DisplayName"] = "Orders",
            ["Form.Resources"] = "orders-api\norders-api",
        });

        Assert.Contains("The scope was created.", page.Text);
        Assert.Contains(name, (await admin.GetAsync("/admin/scopes")).Text);
        Assert.NotNull((await admin.GetAsync("/admin/clients/new")).Document.QuerySelector($"input[name='Form.Scopes'][value='{name}']"));
        Assert.Contains(name, (await admin.AuditAsync(type: "admin.scope_created")).Single(entry => entry.Details.Contains(name)).Details);
    }

    [Theory]
    [InlineData("profile", "is a standard scope")]
    [InlineData("two words", "Enter a scope name")]
    [InlineData("", "Enter a scope name")]
    public async Task Create_ShowsMessage_WhenNameIsNotAllowed(string name, string message)
    {
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/scopes/new"), new Dictionary<string, string> { ["Form.Name"] = name });

        Assert.Equal("/admin/scopes/new", page.Url.AbsolutePath);
        Assert.Contains(message, page.Text);
    }

    [Fact]
    public async Task Save_ChangesDescriptionAndResources_WhenEdited()
    {
        using var admin = await fixture.AdminBrowserAsync();
        var created = await admin.SubmitAsync(await admin.GetAsync("/admin/scopes/new"), new Dictionary<string, string> { ["Form.Name"] = "edit." + Guid.NewGuid().ToString("N")[..6] });

        var page = await admin.SubmitAsync(created, new Dictionary<string, string>
        {
            ["Form.Description"] = "Read the catalogue",
            ["Form.Resources"] = "catalogue-api",
        });

        Assert.Contains("The changes were saved.", page.Text);
        Assert.Equal("Read the catalogue", page.Document.QuerySelector("textarea#Form_Description")!.TextContent);
        Assert.Equal("catalogue-api", page.Document.QuerySelector("textarea#Form_Resources")!.TextContent);
        var entry = (await admin.AuditAsync(type: "admin.scope_updated")).First();
        Assert.Contains("description", entry.Details);
        Assert.Contains("resources", entry.Details);
    }

    [Fact]
    public async Task Delete_IsRefused_WhileAClientIsGivenTheScope()
    {
        using var admin = await fixture.AdminBrowserAsync();
        var api = (await admin.GetAsync("/admin/scopes")).Document.QuerySelectorAll("table a").First(anchor => anchor.TextContent == "api").GetAttribute("href")!;

        var page = await admin.PressAsync(await admin.GetAsync(api), "delete-scope");

        Assert.Contains("The scope is still given to these clients: web", page.Text);
        Assert.Contains("api", (await admin.GetAsync("/admin/scopes")).Text);
    }

    [Fact]
    public async Task Delete_RemovesScope_WhenNoClientIsGivenIt()
    {
        var name = "gone." + Guid.NewGuid().ToString("N")[..6];
        using var admin = await fixture.AdminBrowserAsync();
        var created = await admin.SubmitAsync(await admin.GetAsync("/admin/scopes/new"), new Dictionary<string, string> { ["Form.Name"] = name });

        var page = await admin.PressAsync(created, "delete-scope");

        Assert.Contains("The scope was deleted.", page.Text);
        Assert.DoesNotContain(name, page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(created.Url.AbsolutePath)).Status);
        Assert.Single(await admin.AuditAsync(type: "admin.scope_deleted"), entry => entry.Details.Contains(name));
    }
}
