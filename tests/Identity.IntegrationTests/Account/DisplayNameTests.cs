using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/display-name: the signed-in user's name, as shown and released in the name claim.</summary>
public sealed class DisplayNameTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => _server.CreateUserAsync("named@example.com");

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DisplayName_IsSavedAndShown_WhenChanged()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("named@example.com");

        var page = await SaveAsync(browser, "  Ada <Lovelace>  ");

        Assert.Equal("/account/security", page.Url.AbsolutePath);
        Assert.Contains("Your display name was saved.", page.Text);
        Assert.Contains("Ada <Lovelace>", page.Text);
        Assert.Contains("Ada &lt;Lovelace&gt;", page.Html);
        Assert.Equal("Ada <Lovelace>", (await browser.GetAsync("/account/display-name")).Document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task DisplayName_IsCleared_WhenLeftEmpty()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("named@example.com");

        var page = await SaveAsync(browser, "   ");

        Assert.Contains("Not set", page.Text);
    }

    [Fact]
    public async Task DisplayName_ShowsFieldMessage_WhenTooLong()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("named@example.com");

        var page = await SaveAsync(browser, new string('x', 101));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Use at most 100 characters.", page.FieldError("Input.DisplayName"));
        Assert.Contains("named", (await browser.GetAsync("/account/security")).Text);
    }

    [Fact]
    public async Task DisplayName_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("named@example.com");

        var response = await browser.PostWithoutAntiforgeryAsync("/account/display-name",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Forged", (await browser.GetAsync("/account/security")).Text);
    }

    private static async Task<BrowserClient.Page> SaveAsync(BrowserClient browser, string name)
    {
        var form = await browser.GetAsync("/account/display-name");
        return await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.DisplayName"] = name });
    }
}
