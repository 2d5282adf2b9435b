using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/confirm-email: only an intact, unexpired link for its own account confirms it.</summary>
public sealed class ConfirmEmailTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ConfirmEmail_ShowsInvalidLink_WhenCodeIsTampered()
    {
        using var browser = _server.CreateBrowser();
        var link = await RegisterAsync(browser, "tampered@example.com");

        var query = QueryHelpers.ParseQuery(new Uri(IdentityServerFactory.Issuer, link).Query);
        var code = query["code"].ToString();
        var tampered = QueryHelpers.AddQueryString("/account/confirm-email", new Dictionary<string, string?>
        {
            ["userId"] = query["userId"], ["code"] = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
        });
        var page = await browser.GetAsync(tampered);

        AssertInvalidLink(page);
        Assert.Contains("Confirm your email address first", (await browser.SignInAsync("tampered@example.com")).Text);
    }

    [Theory]
    [InlineData("/account/confirm-email")]
    [InlineData("/account/confirm-email?userId=00000000-0000-0000-0000-000000000000&code=AAAA")]
    [InlineData("/account/confirm-email?userId=x&code=%21%21not-base64%21%21")]
    public async Task ConfirmEmail_ShowsInvalidLink_WhenLinkIsMalformedOrForNoAccount(string url)
    {
        using var browser = _server.CreateBrowser();

        AssertInvalidLink(await browser.GetAsync(url));
    }

    [Fact]
    public async Task ConfirmEmail_ShowsInvalidLink_WhenCodeBelongsToAnotherAccount()
    {
        using var browser = _server.CreateBrowser();
        var mallory = await RegisterAsync(browser, "mallory@example.com");
        await RegisterAsync(browser, "victim@example.com");
        var victimId = (await _server.WithScopeAsync(services =>
            services.GetRequiredService<UserManager<Server.Data.ApplicationUser>>().FindByEmailAsync("victim@example.com")))!.Id;

        var query = QueryHelpers.ParseQuery(new Uri(IdentityServerFactory.Issuer, mallory).Query);
        var page = await browser.GetAsync(QueryHelpers.AddQueryString("/account/confirm-email",
            new Dictionary<string, string?> { ["userId"] = victimId, ["code"] = query["code"] }));

        AssertInvalidLink(page);
        Assert.Contains("Confirm your email address first", (await browser.SignInAsync("victim@example.com")).Text);
    }

    [Fact]
    public async Task ConfirmEmail_ShowsInvalidLink_WhenLinkHasExpired()
    {
        _server.ConfigureTestServices = services =>
            services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromSeconds(1));
        using var browser = _server.CreateBrowser();
        var link = await RegisterAsync(browser, "late@example.com");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var page = await browser.GetAsync(link);

        AssertInvalidLink(page);
        Assert.NotNull(page.Document.QuerySelector("a[href^='/account/resend-confirmation']"));
    }

    [Fact]
    public async Task ConfirmEmail_ConfirmsAgain_WhenLinkIsFollowedTwice()
    {
        using var browser = _server.CreateBrowser();
        var link = await RegisterAsync(browser, "twice@example.com");

        await browser.GetAsync(link);
        var again = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Email address confirmed", again.Text);
    }

    private async Task<string> RegisterAsync(BrowserClient browser, string email)
    {
        await browser.RegisterAsync(email);
        return Assert.Single(_server.MailTo(email)).Link("/account/confirm-email");
    }

    private static void AssertInvalidLink(BrowserClient.Page page)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This link does not work", page.Text);
        Assert.Contains("The confirmation link is invalid or has expired.", page.Text);
    }
}
