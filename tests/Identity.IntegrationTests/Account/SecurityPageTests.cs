using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/security: the signed-in user's own account overview.</summary>
public sealed class SecurityPageTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => _server.CreateUserAsync("owner@example.com");

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Security_RedirectsToSignIn_WhenNotSignedIn()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync("/account/security");

        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Faccount%2Fsecurity", page.Url.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Security_ShowsAccountDetails_WhenSignedIn()
    {
        await _server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetPhoneNumberAsync((await users.FindByEmailAsync("owner@example.com"))!, "+31612345678");
        });
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInAsync("owner@example.com");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var details = page.Document.QuerySelectorAll("ul.list li").Select(item => item.TextContent).ToList();
        Assert.Contains(details, item => item.Contains("owner@example.com · confirmed", StringComparison.Ordinal));
        Assert.Contains(details, item => item.Contains("Display name", StringComparison.Ordinal) && item.Contains("owner", StringComparison.Ordinal));
        Assert.Contains(details, item => item.Contains("+31612345678 · not confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Security_ShowsSectionsWithoutDeadButtons_WhenFeaturesAreNotSetUp()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInAsync("owner@example.com");

        var headings = page.Document.QuerySelectorAll("h2").Select(heading => heading.TextContent).ToList();
        Assert.Equal(["Your account", "Password", "Two-step verification", "Passkeys", "Devices", "Apps with access"], headings);
        // The one button works without anything set up: it posts a form (covered by DevicesPageTests).
        var button = Assert.Single(page.Document.QuerySelectorAll("button"));
        Assert.Equal("Sign out everywhere", button.TextContent);
        Assert.Equal("post", button.Closest("form")?.GetAttribute("method"));
        Assert.All(page.Document.QuerySelectorAll("main a"), link => Assert.StartsWith("/account/", link.GetAttribute("href")));
    }

    [Fact]
    public async Task Security_LeavesOutPhone_WhenAccountHasNone()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInAsync("owner@example.com");

        Assert.DoesNotContain("Phone number", page.Text);
    }

    [Fact]
    public async Task Security_IgnoresUnknownSavedValue_WhenQueryIsTamperedWith()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("owner@example.com");

        var page = await browser.GetAsync("/account/security?saved=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Null(page.Document.QuerySelector(".alert"));
        Assert.DoesNotContain("<script>", page.Html);
    }
}
