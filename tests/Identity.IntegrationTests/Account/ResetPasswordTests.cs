using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.PasswordReset;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/reset-password: a link from the email sets a new password once; every other link is refused clearly.</summary>
public sealed class ResetPasswordTests : IAsyncLifetime
{
    private const string InvalidLink = "The link to choose a new password is invalid, has expired, or was already used.";
    private readonly IdentityServerFactory _server = new IdentityServerFactory().With("Accounts:SessionValidationInterval", "00:00:00");

    public Task InitializeAsync() => _server.CreateUserAsync("reset@example.com");

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ResetPassword_ReplacesPassword_WhenLinkIsValid()
    {
        using var browser = _server.CreateBrowser();

        var done = await browser.ChooseNewPasswordAsync(await RequestLinkAsync(browser));

        Assert.Equal("/account/reset-password/done", done.Url.AbsolutePath);
        Assert.Contains("You can now sign in with your new password.", done.Text);
        Assert.Contains("The email address or password is incorrect", (await browser.SignInAsync("reset@example.com")).Text);
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com", AccountSteps.NewPassword)).Url.AbsolutePath);
        Assert.Contains(_server.MailTo("reset@example.com"), email => email.Subject == "Your Identity password was changed");
    }

    [Fact]
    public async Task ResetPassword_EndsOtherSessions_WhenPasswordIsReset()
    {
        using var other = _server.CreateBrowser();
        await other.SignInAsync("reset@example.com");
        using var browser = _server.CreateBrowser();

        await browser.ChooseNewPasswordAsync(await RequestLinkAsync(browser));

        Assert.Equal("/account/login", (await other.GetAsync("/account/security")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ResetPassword_ShowsInvalidLink_WhenLinkIsUsedTwice()
    {
        using var browser = _server.CreateBrowser();
        var link = await RequestLinkAsync(browser);
        var formLoadedBeforeReset = await browser.GetAsync(link);
        await browser.ChooseNewPasswordAsync(link);

        var reopened = await browser.GetAsync(link);
        var resubmitted = await browser.SubmitAsync(formLoadedBeforeReset, new Dictionary<string, string>
        {
            ["Input.Password"] = "yet another passphrase", ["Input.ConfirmPassword"] = "yet another passphrase",
        });

        AssertInvalidLink(reopened);
        AssertInvalidLink(resubmitted);
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com", AccountSteps.NewPassword)).Url.AbsolutePath);
    }

    [Theory]
    [InlineData("/account/reset-password")]
    [InlineData("/account/reset-password?userId=nobody&code=AAAA")]
    [InlineData("/account/reset-password?userId=nobody&code=%21%21")]
    public async Task ResetPassword_ShowsInvalidLink_WhenLinkIsMalformedOrForNoAccount(string url)
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync(url);

        AssertInvalidLink(page);
        Assert.Null(page.Document.QuerySelector("form.form"));
    }

    [Fact]
    public async Task ResetPassword_ShowsInvalidLink_WhenCodeIsTampered()
    {
        using var browser = _server.CreateBrowser();
        var link = await RequestLinkAsync(browser);
        var tampered = link.Replace("code=", "code=A", StringComparison.Ordinal);

        AssertInvalidLink(await browser.GetAsync(tampered));
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ResetPassword_ShowsInvalidLink_WhenLinkHasExpired()
    {
        using var server = new IdentityServerFactory
        {
            ConfigureTestServices = services =>
                services.Configure<PasswordResetTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromSeconds(1)),
        };
        await server.CreateUserAsync("reset@example.com");
        using var browser = server.CreateBrowser();
        var link = await RequestLinkAsync(server, browser);

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        AssertInvalidLink(await browser.GetAsync(link));
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ResetPassword_ShowsFieldMessages_WhenNewPasswordIsTooShortOrRepeatedWrongly()
    {
        using var browser = _server.CreateBrowser();
        var link = await RequestLinkAsync(browser);

        var tooShort = await browser.ChooseNewPasswordAsync(link, "short");
        var mismatch = await browser.ChooseNewPasswordAsync(link, AccountSteps.NewPassword, AccountSteps.NewPassword + "!");

        Assert.Equal("Use at least 10 characters for your password.", tooShort.FieldError("Input.Password"));
        Assert.Equal("The passwords do not match.", mismatch.FieldError("Input.ConfirmPassword"));
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ResetPassword_LeavesLockoutInPlace_WhenAccountIsLockedOut()
    {
        using var browser = _server.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync("reset@example.com", "wrong password");
        }

        await browser.ChooseNewPasswordAsync(await RequestLinkAsync(browser));
        var signIn = await browser.SignInAsync("reset@example.com", AccountSteps.NewPassword);

        // Identity's ResetPasswordAsync does not end a lockout; the new password works once it expires.
        Assert.Equal("/account/login", signIn.Url.AbsolutePath);
        Assert.Contains("temporarily locked", signIn.Text);
    }

    [Fact]
    public async Task ResetPassword_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        var link = new Uri(IdentityServerFactory.Issuer, await RequestLinkAsync(browser));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);

        var response = await browser.PostWithoutAntiforgeryAsync("/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = query["userId"]!, ["Code"] = query["code"]!,
            ["Input.Password"] = AccountSteps.NewPassword, ["Input.ConfirmPassword"] = AccountSteps.NewPassword,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/account/security", (await browser.SignInAsync("reset@example.com")).Url.AbsolutePath);
    }

    private Task<string> RequestLinkAsync(BrowserClient browser) => RequestLinkAsync(_server, browser);

    private static async Task<string> RequestLinkAsync(IdentityServerFactory server, BrowserClient browser)
    {
        await browser.ForgotPasswordAsync("reset@example.com");
        return server.MailTo("reset@example.com").Last(email => email.Subject!.StartsWith("Reset", StringComparison.Ordinal))
            .Link("/account/reset-password");
    }

    private static void AssertInvalidLink(BrowserClient.Page page)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(InvalidLink, page.Text);
    }
}
