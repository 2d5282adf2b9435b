using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/register: creating an account, confirming it by email, and no account enumeration.</summary>
public sealed class RegisterTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => _server.CreateClientAsync();

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_LetsUserSignInOnlyAfterConfirming_WhenEmailIsNew()
    {
        using var browser = _server.CreateBrowser();

        var checkEmail = await browser.RegisterAsync("newcomer@example.com", displayName: "Newcomer");
        Assert.Equal("/account/check-email", checkEmail.Url.AbsolutePath);
        Assert.Contains("Check your email", checkEmail.Text);

        var unconfirmed = await browser.SignInAsync("newcomer@example.com");
        Assert.Equal("/account/login", unconfirmed.Url.AbsolutePath);
        Assert.Contains("Confirm your email address first", unconfirmed.Text);

        var email = Assert.Single(_server.MailTo("newcomer@example.com"));
        Assert.Contains("Confirm your email address", email.Subject);
        var confirmed = await browser.GetAsync(email.Link("/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("Email address confirmed", confirmed.Text);

        var signedIn = await browser.SignInAsync("newcomer@example.com");
        Assert.Equal("/account/security", signedIn.Url.AbsolutePath);
        Assert.Contains("Newcomer", signedIn.Text);
    }

    [Fact]
    public async Task Register_ShowsSamePageAndSendsNotice_WhenEmailAlreadyHasAccount()
    {
        await _server.CreateUserAsync("taken@example.com");
        using var browser = _server.CreateBrowser();

        var fresh = await browser.RegisterAsync("fresh@example.com");
        var taken = await browser.RegisterAsync("taken@example.com", password: "another long passphrase");

        Assert.Equal(fresh.Url.AbsolutePath, taken.Url.AbsolutePath);
        Assert.Equal(fresh.Text, taken.Text);
        var notice = Assert.Single(_server.MailTo("taken@example.com"));
        Assert.Contains("Someone tried to create an account", notice.Subject);
        Assert.Contains("/account/login", notice.TextBody);
        Assert.Contains("/account/forgot-password", notice.TextBody);
        Assert.DoesNotContain("/account/confirm-email", notice.TextBody);

        var original = await browser.SignInAsync("taken@example.com");
        Assert.Equal("/account/security", original.Url.AbsolutePath);
    }

    [Fact]
    public async Task Register_AnswersTheSameForExistingAccount_WhenPasswordIsTooShort()
    {
        await _server.CreateUserAsync("short@example.com");
        using var browser = _server.CreateBrowser();

        var existing = await browser.RegisterAsync("short@example.com", password: "short");
        var unknown = await browser.RegisterAsync("unknown@example.com", password: "short");

        Assert.Equal("Use at least 10 characters for your password.", existing.FieldError("Input.Password"));
        Assert.Equal(existing.FieldError("Input.Password"), unknown.FieldError("Input.Password"));
        Assert.Empty(_server.MailTo("short@example.com"));
        Assert.Empty(_server.MailTo("unknown@example.com"));
    }

    [Theory]
    [InlineData("", "Input.Email", "Enter your email address.")]
    [InlineData("not-an-address", "Input.Email", "Enter a valid email address.")]
    public async Task Register_ShowsFieldMessage_WhenEmailIsMissingOrInvalid(string email, string field, string message)
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.RegisterAsync(email);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/account/register", page.Url.AbsolutePath);
        Assert.Equal(message, page.FieldError(field));
        Assert.Empty(_server.OutboxMessages());
    }

    [Fact]
    public async Task Register_ShowsFieldMessage_WhenPasswordsDoNotMatch()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync("/account/register");

        var page = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "mismatch@example.com",
            ["Input.Password"] = TestData.Password,
            ["Input.ConfirmPassword"] = TestData.Password + "!",
        });

        Assert.Equal("The passwords do not match.", page.FieldError("Input.ConfirmPassword"));
        Assert.Null(await FindUserAsync("mismatch@example.com"));
    }

    [Fact]
    public async Task Register_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        await browser.GetAsync("/account/register");

        var response = await browser.PostWithoutAntiforgeryAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = "forged@example.com",
            ["Input.Password"] = TestData.Password,
            ["Input.ConfirmPassword"] = TestData.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindUserAsync("forged@example.com"));
        Assert.Empty(_server.OutboxMessages());
    }

    [Fact]
    public async Task Register_ContinuesToClient_WhenUserCameFromAuthorizationRequest()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var login = await flow.StartAsync();
        var registerLink = login.Document.QuerySelector("a[href^='/account/register']")!.GetAttribute("href")!;

        var form = await browser.GetAsync(registerLink);
        await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "fromclient@example.com",
            ["Input.Password"] = TestData.Password,
            ["Input.ConfirmPassword"] = TestData.Password,
        });
        var confirmed = await browser.GetAsync(Assert.Single(_server.MailTo("fromclient@example.com")).Link("/account/confirm-email"));
        var signInLink = confirmed.Document.QuerySelector("a.button.primary")!.GetAttribute("href")!;
        var signInPage = await browser.GetAsync(signInLink);
        var callback = await flow.SignInAsync(signInPage, "fromclient@example.com");

        var parameters = OidcFlow.CallbackParameters(callback);
        Assert.Equal(flow.State, parameters["state"]);
        Assert.Equal(HttpStatusCode.OK, (await flow.RedeemAsync(_server.CreateApiClient(), parameters["code"])).Status);
    }

    [Fact]
    public async Task Register_DropsReturnUrl_WhenItLeadsToAnotherSite()
    {
        using var browser = _server.CreateBrowser();

        await browser.RegisterAsync("redirected@example.com", returnUrl: "https://evil.example/steal");
        var email = Assert.Single(_server.MailTo("redirected@example.com"));
        Assert.DoesNotContain("evil.example", email.TextBody);
        await browser.GetAsync(email.Link("/account/confirm-email"));
        var signedIn = await browser.SignInAsync("redirected@example.com", returnUrl: "https://evil.example/steal");

        Assert.Equal("/account/security", signedIn.Url.AbsolutePath);
        Assert.Equal("localhost", signedIn.Url.Host);
    }

    [Fact]
    public async Task Register_WritesEmailInDutch_WhenPageIsDutch()
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL");

        await browser.RegisterAsync("nederlands@example.com");

        var email = Assert.Single(_server.MailTo("nederlands@example.com"));
        Assert.Equal("Bevestig je e-mailadres voor Identity", email.Subject);
        Assert.Contains("E-mailadres bevestigen", email.HtmlBody);
        Assert.Equal("nl", (await FindUserAsync("nederlands@example.com"))!.PreferredCulture);
    }

    private Task<ApplicationUser?> FindUserAsync(string email) =>
        _server.WithScopeAsync(services => services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
}
