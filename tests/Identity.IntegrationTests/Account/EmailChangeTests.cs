using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.Account;

/// <summary>
/// /account/email and /account/confirm-email-change: a new address counts only once a link sent to it
/// comes back, the old address is told, and an address in use by another account is never revealed.
/// </summary>
public sealed class EmailChangeTests : IAsyncLifetime
{
    private const string Old = "olivia@example.com";
    private const string New = "newton@example.com";
    private const string Taken = "taken@example.com";
    private const string ConfirmPath = "/account/confirm-email-change";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();

    // Zero: the security stamp is checked on every request, so the effect on other sessions is seen at once.
    private readonly IdentityServerFactory _server = new IdentityServerFactory()
        .With("Accounts:SessionValidationInterval", "00:00:00")
        .With("Logging:LogLevel:Default", "Information");

    private BrowserClient _browser = null!;

    public async Task InitializeAsync()
    {
        _server.ConfigureTestServices = services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ILoggerProvider>(_logs);
        };
        await _server.CreateUserAsync(Old);
        await _server.CreateUserAsync(Taken);
        _browser = _server.CreateBrowser();
        await _browser.SignInAsync(Old);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChangeEmail_MovesSignInToNewAddressAndTellsOldOne_WhenLinkIsConfirmed()
    {
        var requested = await RequestChangeAsync(New);
        Assert.Contains($"We sent a link to {New}.", requested.Text, StringComparison.Ordinal);
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);

        var confirm = await _browser.GetAsync(_server.MailTo(New).Single().Link(ConfirmPath));
        Assert.Contains("n•••@example.com", confirm.Text, StringComparison.Ordinal);
        var done = await _browser.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Your email address was changed.", done.Text, StringComparison.Ordinal);
        var user = await _server.FindUserAsync(New);
        Assert.Equal((New, New, true), (user.Email, user.UserName, user.EmailConfirmed));
        Assert.Contains(New, (await _browser.GetAsync("/account/email")).Text, StringComparison.Ordinal);
        using var next = _server.CreateBrowser();
        Assert.Contains("The email address or password is incorrect", (await next.SignInAsync(Old)).Text, StringComparison.Ordinal);
        Assert.Equal("/account/security", (await next.SignInAsync(New)).Url.AbsolutePath);
        var notice = Assert.Single(_server.MailTo(Old));
        Assert.Equal("The email address of your Identity account was changed", notice.Subject);
        Assert.Contains("n•••@example.com", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(New, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/reset-password", notice.Link("/account/reset-password"), StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, line => line.Contains("changed from o•••@example.com to n•••@example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(New, StringComparison.Ordinal) || line.Contains(Old, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeNotice_LetsOldOwnerChooseNewPassword_WhenChangeWasNotTheirs()
    {
        await ConfirmChangeAsync(_browser, New);

        using var owner = _server.CreateBrowser();
        var resetLink = _server.MailTo(Old).Single().Link("/account/reset-password");
        var reset = await owner.ChooseNewPasswordAsync(resetLink);

        Assert.DoesNotContain("This link does not work", reset.Text, StringComparison.Ordinal);
        Assert.Equal("/account/security", (await owner.SignInAsync(New, AccountSteps.NewPassword)).Url.AbsolutePath);
    }

    [Fact]
    public async Task ConfirmEmailChange_EndsOtherBrowsersSession_WhenAddressChanges()
    {
        using var other = _server.CreateBrowser();
        await other.SignInAsync(Old);

        await ConfirmChangeAsync(_browser, New);

        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync("/account/security")).Status);
        Assert.Equal("/account/login", (await other.GetAsync("/account/security")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ConfirmEmailChange_WorksInAnotherBrowser_WhenNobodyIsSignedInThere()
    {
        using var phone = _server.CreateBrowser();

        var done = await ConfirmChangeAsync(phone, New);

        Assert.Contains("Your email address was changed.", done.Text, StringComparison.Ordinal);
        Assert.Equal(New, (await _server.FindUserAsync(New)).Email);
    }

    [Fact]
    public async Task ChangeEmail_ShowsSameAnswerAndChangesNothing_WhenAddressBelongsToAnotherAccount()
    {
        var page = await RequestChangeAsync(Taken);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"We sent a link to {Taken}. Open it to confirm your new address.", page.Text, StringComparison.Ordinal);
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);
        var note = Assert.Single(_server.MailTo(Taken));
        Assert.Equal("Someone tried to use your email address on Identity", note.Subject);
        Assert.DoesNotContain(ConfirmPath, note.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Old, note.TextBody, StringComparison.Ordinal);
        Assert.Empty(_server.MailTo(Old));
    }

    [Theory]
    [InlineData("", "Enter your new email address.")]
    [InlineData("not an address", "Enter a valid email address.")]
    [InlineData(" OLIVIA@example.com ", "This is already your email address.")]
    public async Task ChangeEmail_ShowsFieldMessageAndSendsNothing_WhenAddressIsEmptyInvalidOrCurrent(string address, string message)
    {
        var page = await RequestChangeAsync(address);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("NewEmail"));
        Assert.Empty(_server.OutboxMessages());
    }

    [Fact]
    public async Task ConfirmEmailChange_ShowsInvalidLink_WhenAddressInLinkIsTampered()
    {
        await RequestChangeAsync(New);
        var link = _server.MailTo(New).Single().Link(ConfirmPath);
        var query = QueryHelpers.ParseQuery(new Uri(IdentityServerFactory.Issuer, link).Query);
        var tampered = QueryHelpers.AddQueryString(ConfirmPath, new Dictionary<string, string?>
        {
            ["userId"] = query["userId"], ["email"] = "mallory@example.com", ["code"] = query["code"],
        });

        var page = await SubmitConfirmationAsync(_browser, tampered);

        AssertInvalidLink(page);
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);
        Assert.Empty(_server.MailTo(Old));
    }

    [Theory]
    [InlineData(ConfirmPath + "?email=x%40example.com")]
    [InlineData(ConfirmPath + "?userId=00000000-0000-0000-0000-000000000000&email=x%40example.com&code=AAAA")]
    [InlineData(ConfirmPath + "?userId=x&email=x%40example.com&code=%21%21not-base64%21%21")]
    public async Task ConfirmEmailChange_ShowsInvalidLink_WhenLinkIsMalformedOrForNoAccount(string url)
    {
        using var anonymous = _server.CreateBrowser();

        AssertInvalidLink(await SubmitConfirmationAsync(anonymous, url));
    }

    [Fact]
    public async Task ConfirmEmailChange_ShowsInvalidLink_WhenLinkIsUsedTwice()
    {
        await RequestChangeAsync(New);
        var link = _server.MailTo(New).Single().Link(ConfirmPath);
        await SubmitConfirmationAsync(_browser, link);

        var again = await SubmitConfirmationAsync(_browser, link);

        AssertInvalidLink(again);
        Assert.Single(_server.MailTo(Old));
    }

    [Fact]
    public async Task ConfirmEmailChange_ShowsInvalidLink_WhenAddressWasTakenMeanwhile()
    {
        await RequestChangeAsync(New);
        await _server.CreateUserAsync(New);

        var page = await SubmitConfirmationAsync(_browser, _server.MailTo(New).Single().Link(ConfirmPath));

        AssertInvalidLink(page);
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);
    }

    [Fact]
    public async Task ConfirmEmailChange_RefusesAndKeepsLink_WhenAnotherAccountIsSignedIn()
    {
        await RequestChangeAsync(New);
        var link = _server.MailTo(New).Single().Link(ConfirmPath);
        using var someoneElse = _server.CreateBrowser();
        await someoneElse.SignInAsync(Taken);

        var refused = await someoneElse.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("This link is for another account", refused.Text, StringComparison.Ordinal);
        Assert.Null(refused.Document.QuerySelector("form.form"));
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);
        Assert.Contains("Your email address was changed.", (await SubmitConfirmationAsync(_browser, link)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeEmail_AsksToConfirmItIsYouFirst_WhenSignInIsNotRecent()
    {
        var form = await _browser.GetAsync("/account/email");
        _time.Advance(TimeSpan.FromMinutes(6));

        var page = await _browser.GetAsync("/account/email");
        var posted = await _browser.SubmitAsync(form, new Dictionary<string, string> { ["NewEmail"] = New }, formSelector: "form.change");

        Assert.Null(page.Document.QuerySelector("form.change"));
        Assert.NotNull(page.Document.QuerySelector("a[href^='/account/security/confirm-password']"));
        Assert.Equal("/account/security/confirm-password", posted.Url.AbsolutePath);
        Assert.Empty(_server.OutboxMessages());
        var back = await _browser.SubmitAsync(posted, new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal("/account/email", back.Url.AbsolutePath);
        Assert.NotNull(back.Document.QuerySelector("form.change"));
    }

    [Fact]
    public async Task ChangeEmail_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        var response = await _browser.PostWithoutAntiforgeryAsync("/account/email?handler=Change", new Dictionary<string, string> { ["NewEmail"] = New });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.OutboxMessages());
    }

    [Fact]
    public async Task ConfirmEmailChange_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        await RequestChangeAsync(New);
        var query = QueryHelpers.ParseQuery(new Uri(IdentityServerFactory.Issuer, _server.MailTo(New).Single().Link(ConfirmPath)).Query);

        var response = await _browser.PostWithoutAntiforgeryAsync(ConfirmPath, query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Old, (await _server.FindUserAsync(Old)).Email);
    }

    [Fact]
    public async Task ResendConfirmation_SendsWorkingLink_WhenAddressIsNotConfirmed()
    {
        // As when sign-in does not require a confirmed address (Accounts:RequireConfirmedEmail off).
        await _server.ChangeUserAsync(Old, (users, user) => { user.EmailConfirmed = false; return users.UpdateAsync(user); });
        var page = await _browser.GetAsync("/account/email");
        Assert.Contains($"{Old} · not confirmed", page.Text, StringComparison.Ordinal);

        var sent = await _browser.SubmitAsync(page, new Dictionary<string, string>(), formSelector: "form.resend");
        var confirmed = await _browser.GetAsync(_server.MailTo(Old).Single().Link("/account/confirm-email"));

        Assert.Contains("We sent a new confirmation link", sent.Text, StringComparison.Ordinal);
        Assert.Null(sent.FieldError("NewEmail"));
        Assert.Contains("Email address confirmed", confirmed.Text, StringComparison.Ordinal);
        Assert.True((await _server.FindUserAsync(Old)).EmailConfirmed);
        Assert.Null((await _browser.GetAsync("/account/email")).Document.QuerySelector("form.resend"));
    }

    [Fact]
    public async Task Page_ShowsAddressWithoutResendButton_WhenAddressIsConfirmed()
    {
        var page = await _browser.GetAsync("/account/email");

        Assert.Contains($"{Old} · confirmed", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.resend"));
        Assert.NotNull(page.Document.QuerySelector("label[for='NewEmail']"));
    }

    [Fact]
    public async Task Page_RedirectsToSignIn_WhenNotSignedIn()
    {
        using var anonymous = _server.CreateBrowser();

        Assert.Equal("/account/login", (await anonymous.GetAsync("/account/email")).Url.AbsolutePath);
    }

    private async Task<BrowserClient.Page> RequestChangeAsync(string address) =>
        await _browser.SubmitAsync(await _browser.GetAsync("/account/email"), new Dictionary<string, string> { ["NewEmail"] = address }, formSelector: "form.change");

    private async Task<BrowserClient.Page> ConfirmChangeAsync(BrowserClient browser, string address)
    {
        await RequestChangeAsync(address);
        return await SubmitConfirmationAsync(browser, _server.MailTo(address).Single().Link(ConfirmPath));
    }

    private static async Task<BrowserClient.Page> SubmitConfirmationAsync(BrowserClient browser, string link) =>
        await browser.SubmitAsync(await browser.GetAsync(link), new Dictionary<string, string>());

    private static void AssertInvalidLink(BrowserClient.Page page)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This link does not work", page.Text, StringComparison.Ordinal);
    }
}
