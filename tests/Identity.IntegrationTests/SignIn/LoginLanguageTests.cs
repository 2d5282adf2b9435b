using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.SignIn;

/// <summary>
/// The language of /account/login: Accept-Language, or ui_locales on the authorization request the
/// page returns to (OIDC Core §3.1.2.1), which wins over the browser's preference.
/// </summary>
public sealed class LoginLanguageTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => _server.CreateClientAsync();

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Login_IsDutch_WhenBrowserPrefersDutch()
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL, nl;q=0.9, en;q=0.5");

        var page = await browser.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Inloggen", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Wachtwoord", page.Document.QuerySelector("label[for='Input_Password']")!.TextContent);
        Assert.Contains("Wachtwoord vergeten?", page.Text);
    }

    [Fact]
    public async Task Login_IsDutch_WhenAuthorizationRequestAsksForDutch()
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["ui_locales"] = "nl" });

        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.Contains("ui_locales", Uri.UnescapeDataString(page.Url.Query));
        Assert.Equal("Inloggen", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Login_ShowsDutchValidationMessage_WhenDutchFormIsIncomplete()
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var form = await browser.GetAsync("/account/login");

        var page = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        Assert.Contains("Vul je e-mailadres in.", page.Text);
        Assert.Contains("Vul je wachtwoord in.", page.Text);
    }

    [Fact]
    public async Task Login_IsEnglish_WhenNoLanguageIsAsked()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync("/account/login");

        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", page.Document.QuerySelector("h1")!.TextContent);
    }
}
