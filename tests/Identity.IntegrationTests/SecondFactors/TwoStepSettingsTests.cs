using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Turning two-step verification on and off, the default method and recovery codes (/account/security/two-step, /account/security/recovery-codes).</summary>
public sealed class TwoStepSettingsTests : IAsyncLifetime
{
    private const string Email = "frank@example.com";
    private readonly IdentityServerFactory _server = new();
    private BrowserClient _browser = null!;

    public async Task InitializeAsync()
    {
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

    private async Task<List<string>> TurnOnAsync()
    {
        var page = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/two-step"), new Dictionary<string, string> { ["DefaultMethod"] = "email" });
        Assert.Contains("Two-step verification is on.", page.Text, StringComparison.Ordinal);
        return page.Document.QuerySelectorAll("ul.recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task TurnOn_ShowsRecoveryCodesAndAsksForEmailCodeAtNextSignIn()
    {
        var codes = await TurnOnAsync();

        Assert.Equal(10, codes.Count);
        Assert.Contains(_server.OutboxMessages(), message => message.Contains("was turned on", StringComparison.Ordinal));
        using var next = _server.CreateBrowser();
        var challenge = await next.SignInWithPasswordAsync(Email);
        Assert.Contains("We emailed a code to f•••@example.com", challenge.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnOn_StoresRecoveryCodesHashed()
    {
        var codes = await TurnOnAsync();

        var stored = await _server.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>()
            .UserTokens.Where(token => token.Name == "RecoveryCodes").Select(token => token.Value).SingleAsync());
        Assert.All(codes, code => Assert.DoesNotContain(code, stored!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("sha256:", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnOff_StopsSecondStepAndTellsOwner()
    {
        await TurnOnAsync();

        var page = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/two-step"), new Dictionary<string, string>(), formSelector: "form.turn-off");

        Assert.Contains("Two-step verification is off.", page.Text, StringComparison.Ordinal);
        Assert.Contains(_server.OutboxMessages(), message => message.Contains("was turned off", StringComparison.Ordinal));
        using var next = _server.CreateBrowser();
        Assert.NotEqual("/account/two-step", (await next.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Regenerate_ReplacesRecoveryCodes()
    {
        var old = await TurnOnAsync();

        var page = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/recovery-codes"), new Dictionary<string, string>());
        var fresh = page.Document.QuerySelectorAll("ul.recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, fresh.Count);

        using var withOld = _server.CreateBrowser();
        await withOld.SignInWithPasswordAsync(Email);
        var refused = await withOld.EnterCodeAsync(await withOld.GetAsync("/account/two-step?method=recovery"), old[0]);
        Assert.Contains("The code is incorrect", refused.Text, StringComparison.Ordinal);
        await withOld.EnterCodeAsync(refused, fresh[0]);
        Assert.True(await withOld.IsSignedInAsync());
    }

    [Fact]
    public async Task Default_RefusesMethod_WhenItIsNotSetUp()
    {
        await TurnOnAsync();

        var page = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/two-step"), new Dictionary<string, string> { ["DefaultMethod"] = "sms" });

        Assert.Contains("Choose one of the methods you have set up", page.Text, StringComparison.Ordinal);
        Assert.Equal("email", (await _server.FindUserAsync(Email)).TwoFactorMethod);
    }

    [Fact]
    public async Task Section_ShowsStatusAndLinks()
    {
        var page = await _browser.GetAsync("/account/security/two-step");

        Assert.Contains("Two-step verification: Off", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/security/phone']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/security/authenticator']"));
        Assert.NotNull(page.Document.QuerySelector("label[for=DefaultMethod]"));
    }
}
