using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>
/// Clients that require two-step verification — the <c>require_mfa</c> client property or
/// <c>acr_values=mfa</c> (OIDC Core §3.1.2.1) — get a code only for a session whose <c>amr</c> has <c>mfa</c>.
/// </summary>
public sealed class RequireMfaTests : IAsyncLifetime
{
    private const string Email = "carol@example.com";
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        await _server.CreateClientAsync("web");
        await _server.CreateClientAsync("bank");
        await _server.WithScopeAsync(async services =>
        {
            var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
            var bank = (await applications.FindByClientIdAsync("bank"))!;
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, bank);
            descriptor.Properties["require_mfa"] = JsonSerializer.SerializeToElement(true);
            await applications.UpdateAsync(bank, descriptor);
        });
        await _server.CreateUserAsync(Email);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Authorize_IssuesMfaToken_WhenClientRequiresMfaAndUserHasTwoStep()
    {
        await _server.EnableTwoStepAsync(Email, phone: null);
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "bank");

        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);
        var done = await browser.EnterCodeAsync(challenge, _server.LastEmailCode(Email));

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Contains("mfa", SecondFactorTestData.Amr(tokens.IdToken));
        Assert.Equal("mfa", SecondFactorTestData.Payload(tokens.IdToken).GetProperty("acr").GetString());
    }

    [Fact]
    public async Task Authorize_TakesUserThroughSetUp_WhenClientRequiresMfaAndUserHasNone()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "bank");

        var setup = await flow.SignInAsync(await flow.StartAsync(), Email);
        Assert.Equal("/account/security/two-step", setup.Url.AbsolutePath);
        Assert.Contains("requires two-step verification", setup.Text, StringComparison.Ordinal);
        Assert.Null(setup.RedirectedTo);

        var enrol = await browser.GetAsync(setup.Document.QuerySelector("a[href^='/account/security/authenticator?returnUrl=']")!.GetAttribute("href")!);
        var key = enrol.Document.QuerySelector("code.key")!.TextContent;
        var enabled = await browser.SubmitAsync(enrol, new Dictionary<string, string> { ["Code"] = SecondFactorTestData.AuthenticatorCode(DateTimeOffset.UtcNow, key) });
        Assert.Contains("Your authenticator app is set up", enabled.Text, StringComparison.Ordinal);
        Assert.Equal(10, enabled.Document.QuerySelectorAll("ul.recovery-codes li").Length);

        var done = await browser.GetAsync(enabled.Document.QuerySelector("a.button.primary")!.GetAttribute("href")!);
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "otp", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
    }

    [Fact]
    public async Task Authorize_TakesUserThroughPhoneSetUp_WhenClientRequiresMfaAndUserHasNone()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "bank");
        var setup = await flow.SignInAsync(await flow.StartAsync(), Email);

        var phone = await browser.GetAsync(setup.Document.QuerySelector("a[href^='/account/security/phone?returnUrl=']")!.GetAttribute("href")!);
        var verify = await browser.SubmitAsync(phone, new Dictionary<string, string> { ["PhoneNumber"] = "+31 6 12345678" });
        var code = SecondFactorTestData.CodeIn(_server.SmsOutbox().Last().Split("\n\n", 2)[1]);
        var confirmed = await browser.SubmitAsync(verify, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(10, confirmed.Document.QuerySelectorAll("ul.recovery-codes li").Length);

        var done = await browser.GetAsync(confirmed.Document.QuerySelector("a.button.primary")!.GetAttribute("href")!);
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "sms", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
        Assert.True((await _server.FindUserAsync(Email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Authorize_TakesUserThroughEmailSetUp_WhenClientRequiresMfaAndUserHasNone()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "bank");
        var setup = await flow.SignInAsync(await flow.StartAsync(), Email);

        var enabled = await browser.SubmitAsync(setup, new Dictionary<string, string> { ["DefaultMethod"] = "email" });
        Assert.Equal(10, enabled.Document.QuerySelectorAll("ul.recovery-codes li").Length);
        var challenge = await browser.GetAsync(enabled.Document.QuerySelector("a.button.primary")!.GetAttribute("href")!);
        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        var done = await browser.EnterCodeAsync(challenge, _server.LastEmailCode(Email));

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "otp", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
    }

    [Fact]
    public async Task Authorize_StepsUp_WhenSessionHasOnlyPasswordAndAcrValuesAskForMfa()
    {
        using var browser = _server.CreateBrowser();
        var plain = new OidcFlow(browser, "web");
        var plainTokens = await plain.RedeemAsync(_server.CreateApiClient(), await plain.GetCodeAsync(Email));
        Assert.Equal(["pwd"], SecondFactorTestData.Amr(plainTokens.IdToken));
        await _server.EnableTwoStepAsync(Email, phone: null);

        var flow = new OidcFlow(browser, "web");
        var challenge = await flow.StartAsync(extra: new Dictionary<string, string?> { ["acr_values"] = "mfa" });
        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        var done = await browser.EnterCodeAsync(challenge, _server.LastEmailCode(Email));

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "otp", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
    }

    [Fact]
    public async Task Authorize_ReturnsInteractionRequired_WhenPromptIsNoneAndSessionLacksMfa()
    {
        using var browser = _server.CreateBrowser();
        await new OidcFlow(browser, "web").GetCodeAsync(Email);
        var flow = new OidcFlow(browser, "bank");

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        Assert.Equal("interaction_required", OidcFlow.CallbackParameters(page)["error"]);
    }

    [Fact]
    public async Task Authorize_IssuesPasswordOnlyToken_WhenClientDoesNotRequireMfa()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "web");

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), await flow.GetCodeAsync(Email));

        Assert.Equal(["pwd"], SecondFactorTestData.Amr(tokens.IdToken));
        Assert.False(SecondFactorTestData.Payload(tokens.IdToken).TryGetProperty("acr", out _));
    }
}
