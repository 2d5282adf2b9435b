using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Texts and emails follow the account's language; pages follow the browser's.</summary>
public sealed class DutchTextTests : IAsyncLifetime
{
    private const string Email = "femke@example.nl";
    private readonly FakeTwilio _twilio = new();
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server);
        await _server.CreateUserAsync(Email);
        await _server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            user.PreferredCulture = "nl";
            await users.UpdateAsync(user);
        });
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _twilio.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_TextsDutch_WhenAccountLanguageIsDutch()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();

        await browser.SignInWithPasswordAsync(Email);

        var body = Assert.Single(_twilio.Requests).Form["Body"];
        Assert.StartsWith("Je Identity-beveiligingscode is ", body, StringComparison.Ordinal);
        Assert.EndsWith("@localhost #" + _twilio.LastCode(SecondFactorTestData.Phone), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmailsDutch_WhenAccountLanguageIsDutchAndThereIsNoPhone()
    {
        await _server.EnableTwoStepAsync(Email, phone: null);
        using var browser = _server.CreateBrowser();

        await browser.SignInWithPasswordAsync(Email);

        Assert.Contains("Subject: Je Identity-beveiligingscode", _server.OutboxMessages().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChallengePage_IsDutch_WhenBrowserAsksForDutch()
    {
        await _server.EnableTwoStepAsync(Email, authenticator: true);
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Contains("Verificatie in twee stappen", page.Text, StringComparison.Ordinal);
        Assert.Contains("Gebruik mijn authenticator-app", page.Text, StringComparison.Ordinal);
        Assert.Contains("Niet meer vragen in deze browser", page.Text, StringComparison.Ordinal);
    }
}
