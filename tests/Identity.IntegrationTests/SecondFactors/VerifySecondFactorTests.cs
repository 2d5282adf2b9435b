using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>The second step of signing in (/account/two-step): texted codes through the real Twilio SDK
/// against the fake Twilio, the email fallback, the authenticator, recovery codes and switching.</summary>
public sealed class VerifySecondFactorTests : IAsyncLifetime
{
    private const string Email = "alice@example.com";
    private readonly FakeTwilio _twilio = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server)
            .With("SecondFactors:PendingSignInLifetime", "00:30:00")
            .With("SecondFactors:RememberBrowserDuration", "1.00:00:00");
        _server.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(_time);
        await _server.CreateClientAsync();
        await _server.CreateUserAsync(Email);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _twilio.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_TextsCodeThroughTwilio_WhenTwoStepIsOnWithPhone()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        Assert.Contains("••• ••• •• 78", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", page.Html, StringComparison.Ordinal);
        var sent = Assert.Single(_twilio.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(FakeTwilio.ExpectedAuthorization, sent.Authorization);
        Assert.Equal(SecondFactorTestData.Phone, sent.Form["To"]);
        Assert.Equal(FakeTwilio.From, sent.Form["From"]);
        var code = _twilio.LastCode(SecondFactorTestData.Phone);
        Assert.StartsWith($"Your Identity security code is {code}.", sent.Form["Body"], StringComparison.Ordinal);
        Assert.EndsWith($"\n\n@localhost #{code}", sent.Form["Body"], StringComparison.Ordinal);
        var input = page.Document.QuerySelector("form.verify input[name=Code]")!;
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.NotNull(page.Document.QuerySelector("label[for=Code]"));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_IssuesIdTokenWithSmsAndMfa_WhenTextedCodeIsRight()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var login = await flow.StartAsync();
        var challenge = await flow.SignInAsync(login, Email);
        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        var done = await browser.EnterCodeAsync(challenge, _twilio.LastCode(SecondFactorTestData.Phone));

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "sms", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
        Assert.Equal("mfa", SecondFactorTestData.Payload(tokens.IdToken).GetProperty("acr").GetString());
    }

    [Fact]
    public async Task Verify_ShowsErrorAndNoSession_WhenCodeIsWrong()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);
        var wrong = _twilio.LastCode(SecondFactorTestData.Phone) == "000000" ? "111111" : "000000";

        var page = await browser.EnterCodeAsync(challenge, wrong);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The code is incorrect", page.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Verify_RefusesCode_WhenItExpired()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);
        _time.Advance(TimeSpan.FromMinutes(11));

        var page = await browser.EnterCodeAsync(challenge, _twilio.LastCode(SecondFactorTestData.Phone));

        Assert.Contains("expired", page.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Verify_RefusesRightCode_WhenFiveWrongCodesWereTried()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var page = await browser.SignInWithPasswordAsync(Email);
        var code = _twilio.LastCode(SecondFactorTestData.Phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            page = await browser.EnterCodeAsync(page, wrong);
        }

        page = await browser.EnterCodeAsync(page, code);

        Assert.False(await browser.IsSignedInAsync());
        Assert.Contains("Too many", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendNewCode_IsRefusedWithWait_WhenAskedDuringCooldown()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);

        var page = await browser.SubmitAsync(challenge, new Dictionary<string, string>(), formSelector: "form.resend");

        Assert.Contains("Wait 30 seconds", page.Text, StringComparison.Ordinal);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task SendNewCode_ReplacesOldCode_WhenCooldownPassed()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);
        var first = _twilio.LastCode(SecondFactorTestData.Phone);
        _time.Advance(TimeSpan.FromSeconds(31));

        var page = await browser.SubmitAsync(challenge, new Dictionary<string, string>(), formSelector: "form.resend");
        var second = _twilio.LastCode(SecondFactorTestData.Phone);
        Assert.Equal(2, _twilio.Requests.Count);
        if (first != second)
        {
            page = await browser.EnterCodeAsync(page, first);
            Assert.False(await browser.IsSignedInAsync());
        }

        await browser.EnterCodeAsync(page, second);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_EmailsCode_WhenUserHasNoPhone()
    {
        await _server.EnableTwoStepAsync(Email, phone: null);
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);
        Assert.Contains("a•••@example.com", challenge.Text, StringComparison.Ordinal);
        Assert.Empty(_twilio.Requests);
        var done = await browser.EnterCodeAsync(challenge, _server.LastEmailCode(Email));

        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "otp", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));
    }

    [Fact]
    public async Task SignIn_Succeeds_WhenAuthenticatorCodeIsRight_AndRefusesItsReplay()
    {
        await _server.EnableTwoStepAsync(Email, phone: null, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);
        Assert.Contains("authenticator app", challenge.Text, StringComparison.Ordinal);
        Assert.Empty(_server.OutboxMessages());
        var code = SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow());

        var done = await browser.EnterCodeAsync(challenge, code);
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "otp", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));

        using var attacker = _server.CreateBrowser();
        var replay = await attacker.EnterCodeAsync(await attacker.SignInWithPasswordAsync(Email), code);
        Assert.Contains("already used", replay.Text, StringComparison.Ordinal);
        Assert.False(await attacker.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_Succeeds_WhenAuthenticatorClockIsOneStepBehind()
    {
        await _server.EnableTwoStepAsync(Email, phone: null, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);

        await browser.EnterCodeAsync(challenge, SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow().AddSeconds(-30)));

        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_Fails_WhenAuthenticatorCodeIsTwoStepsOld()
    {
        await _server.EnableTwoStepAsync(Email, phone: null, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);

        var page = await browser.EnterCodeAsync(challenge, SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow().AddSeconds(-61)));

        Assert.Contains("The code is incorrect", page.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_WorksOnceWithRecoveryCode_WhenUserSwitchesToIt()
    {
        var recoveryCodes = await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);

        var recovery = await browser.GetAsync("/account/two-step?method=recovery");
        Assert.Contains("recovery codes", recovery.Text, StringComparison.Ordinal);
        var done = await browser.EnterCodeAsync(recovery, recoveryCodes[0]);
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(["pwd", "rec", "mfa"], SecondFactorTestData.Amr(tokens.IdToken));

        using var again = _server.CreateBrowser();
        await again.SignInWithPasswordAsync(Email);
        var reused = await again.EnterCodeAsync(await again.GetAsync("/account/two-step?method=recovery"), recoveryCodes[0]);
        Assert.Contains("The code is incorrect", reused.Text, StringComparison.Ordinal);
        Assert.False(await again.IsSignedInAsync());
    }

    [Fact]
    public async Task Switch_TextsCode_WhenUserChoosesTextInsteadOfAuthenticator()
    {
        await _server.EnableTwoStepAsync(Email, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);
        Assert.Empty(_twilio.Requests);
        Assert.Contains("Text a code to ••• ••• •• 78", challenge.Text, StringComparison.Ordinal);
        Assert.Contains("Use a recovery code", challenge.Text, StringComparison.Ordinal);

        var page = await browser.SubmitAsync(challenge, new Dictionary<string, string> { ["Method"] = "sms" }, formSelector: "form.switch");
        Assert.Contains("We texted a code to ••• ••• •• 78", page.Text, StringComparison.Ordinal);

        await browser.EnterCodeAsync(page, _twilio.LastCode(SecondFactorTestData.Phone));
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Page_SendsToSignIn_WhenNoPasswordWasChecked()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();

        var response = await browser.Http.GetAsync("/account/two-step");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task SignIn_SkipsSecondStep_WhenBrowserWasRemembered()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email);
        await browser.EnterCodeAsync(challenge, _twilio.LastCode(SecondFactorTestData.Phone), rememberBrowser: true);
        await browser.SubmitAsync(await browser.GetAsync("/account/logout"), new Dictionary<string, string>());
        Assert.False(await browser.IsSignedInAsync());

        var page = await browser.SignInWithPasswordAsync(Email, returnUrl: "/account/security/two-step");

        Assert.Equal("/account/security/two-step", page.Url.AbsolutePath);
        Assert.Single(_twilio.Requests);
        using var otherBrowser = _server.CreateBrowser();
        Assert.Equal("/account/two-step", (await otherBrowser.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_AsksAgain_WhenRememberedBrowserExpired()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        await browser.EnterCodeAsync(await browser.SignInWithPasswordAsync(Email), _twilio.LastCode(SecondFactorTestData.Phone), rememberBrowser: true);
        await browser.SubmitAsync(await browser.GetAsync("/account/logout"), new Dictionary<string, string>());
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Verify_LetsOnlyOneBrowserIn_WhenSameCodeIsSubmittedTwiceAtOnce()
    {
        await _server.EnableTwoStepAsync(Email);
        using var first = _server.CreateBrowser();
        using var second = _server.CreateBrowser();
        var firstPage = await first.SignInWithPasswordAsync(Email);
        var secondPage = await second.SignInWithPasswordAsync(Email);
        Assert.Single(_twilio.Requests);
        var code = _twilio.LastCode(SecondFactorTestData.Phone);

        await Task.WhenAll(first.EnterCodeAsync(firstPage, code), second.EnterCodeAsync(secondPage, code));

        Assert.Equal(1, (await first.IsSignedInAsync() ? 1 : 0) + (await second.IsSignedInAsync() ? 1 : 0));
    }

    [Fact]
    public async Task Verify_LocksAccount_WhenAuthenticatorCodesAreGuessed()
    {
        await _server.EnableTwoStepAsync(Email, phone: null, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();
        var page = await browser.SignInWithPasswordAsync(Email);
        var right = SecondFactorTestData.AuthenticatorCode(_time.GetUtcNow());
        var wrong = right == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            page = await browser.EnterCodeAsync(page, wrong);
        }

        page = await browser.EnterCodeAsync(page, right);

        Assert.Contains("temporarily locked", page.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Verify_StaysOnThisSite_WhenReturnUrlPointsElsewhere()
    {
        await _server.EnableTwoStepAsync(Email);
        using var browser = _server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(Email, returnUrl: "https://evil.example/steal");

        var response = await browser.PostFormAsync(challenge, new Dictionary<string, string> { ["Code"] = _twilio.LastCode(SecondFactorTestData.Phone) }, formSelector: "form.verify");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/security", response.Headers.Location!.OriginalString);
    }
}
