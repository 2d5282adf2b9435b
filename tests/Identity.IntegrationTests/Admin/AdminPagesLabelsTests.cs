using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin;

/// <summary>Every admin page: every field has a visible label, and the page speaks Dutch when the browser asks.</summary>
public sealed class AdminPagesLabelsTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Pages_LabelEveryField_WhenOpened()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();
        var clientPath = (await admin.GetAsync("/admin/clients")).Document.QuerySelector("table a")!.GetAttribute("href")!;
        string[] paths =
        [
            "/admin", "/admin/users", "/admin/users/new", $"/admin/users/{user.Id}", $"/admin/users/{user.Id}/edit",
            $"/admin/users/{user.Id}/lock", $"/admin/users/{user.Id}/roles", $"/admin/users/{user.Id}/delete",
            "/admin/clients", "/admin/clients/new", clientPath, clientPath + "/delete", "/admin/scopes", "/admin/scopes/new", "/admin/audit",
        ];

        foreach (var path in paths)
        {
            var page = await admin.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {page.Status}");
            var fields = page.Document.QuerySelectorAll("input:not([type=hidden]), select, textarea");
            foreach (var field in fields)
            {
                var id = field.GetAttribute("id");
                Assert.False(string.IsNullOrEmpty(id), $"{path}: a field without an id: {field.OuterHtml}");
                Assert.True(page.Document.QuerySelector($"label[for='{id}']") is not null, $"{path}: no label for #{id}");
            }

            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            Assert.Empty(page.Document.QuerySelectorAll("script"));
        }
    }

    [Fact]
    public async Task Users_IsDutch_WhenBrowserPrefersDutch()
    {
        using var admin = await fixture.AdminBrowserAsync();
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        var page = await admin.GetAsync("/admin/users");

        Assert.Equal("Gebruikers", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("gebruikers gevonden", page.Text);
        Assert.Equal("Zoeken", page.Document.QuerySelector("form.filters button")!.TextContent);
    }
}
