using System.Text.RegularExpressions;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Authenticator app enrolment (/account/security/authenticator): QR code, readable key, first code, removal.</summary>
public sealed class EnableAuthenticatorTests : IAsyncLifetime
{
    private const string Email = "erin@example.com";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IdentityServerFactory _server = new();
    private BrowserClient _browser = null!;

    public async Task InitializeAsync()
    {
        _server.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(_time);
        await _server.CreateUserAsync(Email);
        _browser = _server.CreateBrowser();
        await _browser.SignInWithPasswordAsync(Email);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Page_ShowsServerRenderedQrCodeAndKeyInGroups()
    {
        var page = await _browser.GetAsync("/account/security/authenticator");

        Assert.StartsWith("data:image/png;base64,", page.Document.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Matches(new Regex("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$"), page.Document.QuerySelector("code.key")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("label[for=Code]"));
    }

    [Fact]
    public async Task Verify_LeavesTwoStepOff_WhenCodeIsWrong()
    {
        var page = await _browser.GetAsync("/account/security/authenticator");
        var key = page.Document.QuerySelector("code.key")!.TextContent;
        var right = SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow(), key);

        var result = await _browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = right == "000000" ? "111111" : "000000" });

        Assert.Contains("The code is incorrect", result.Text, StringComparison.Ordinal);
        Assert.False((await _server.FindUserAsync(Email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Verify_TurnsOnTwoStepAndShowsRecoveryCodesOnce_WhenCodeIsRight()
    {
        var page = await _browser.GetAsync("/account/security/authenticator");
        var key = page.Document.QuerySelector("code.key")!.TextContent;

        var result = await _browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow(), key) });

        Assert.Contains("Your authenticator app is set up", result.Text, StringComparison.Ordinal);
        var codes = result.Document.QuerySelectorAll("ul.recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True((await _server.FindUserAsync(Email)).TwoFactorEnabled);
        Assert.DoesNotContain(codes[0], (await _browser.GetAsync("/account/security/recovery-codes")).Html, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(30));
        using var next = _server.CreateBrowser();
        var challenge = await next.SignInWithPasswordAsync(Email);
        Assert.Contains("authenticator app", challenge.Text, StringComparison.Ordinal);
        await next.EnterCodeAsync(challenge, SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow(), key));
        Assert.True(await next.IsSignedInAsync());
    }

    [Fact]
    public async Task Remove_StopsAskingForTheApp()
    {
        var page = await _browser.GetAsync("/account/security/authenticator");
        var key = page.Document.QuerySelector("code.key")!.TextContent;
        await _browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow(), key) });

        var removed = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/authenticator"), new Dictionary<string, string>(), formSelector: "form.remove");

        Assert.Contains("was removed", removed.Text, StringComparison.Ordinal);
        using var next = _server.CreateBrowser();
        var challenge = await next.SignInWithPasswordAsync(Email);
        Assert.DoesNotContain("Use my authenticator app", challenge.Text, StringComparison.Ordinal);
        Assert.Contains("We emailed a code", challenge.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AsksForPasswordFirst_WhenSignInIsNotRecent()
    {
        _time.Advance(TimeSpan.FromMinutes(6));

        var page = await _browser.GetAsync("/account/security/authenticator");

        Assert.Equal("/account/security/confirm-password", page.Url.AbsolutePath);
        Assert.Null(page.Document.QuerySelector("code.key"));
    }

    [Fact]
    public async Task Page_AcceptsSecondFactorInsteadOfPassword_WhenSignInIsNotRecentAndTwoStepIsOn()
    {
        var recoveryCodes = await _server.EnableTwoStepAsync(Email, phone: null);
        _time.Advance(TimeSpan.FromMinutes(6));
        var confirm = await _browser.GetAsync("/account/security/authenticator");

        var challenge = await _browser.GetAsync(confirm.Document.QuerySelector("a[href^='/account/two-step/step-up']")!.GetAttribute("href")!);
        var recovery = await _browser.GetAsync("/account/two-step?method=recovery");
        var page = await _browser.EnterCodeAsync(recovery, recoveryCodes[0]);

        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        Assert.Equal("/account/security/authenticator", page.Url.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector("code.key"));
    }

    [Fact]
    public async Task Page_SendsToSignIn_WhenAnonymous()
    {
        using var anonymous = _server.CreateBrowser();

        var response = await anonymous.Http.GetAsync("/account/security/authenticator");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
