using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/change-password: a new password ends other sessions and grants, and the owner is told.</summary>
public sealed class ChangePasswordTests : IAsyncLifetime
{
    // Zero: the security stamp is checked on every request, so the effect on other sessions is seen at once.
    private readonly IdentityServerFactory _server = new IdentityServerFactory().With("Accounts:SessionValidationInterval", "00:00:00");

    public async Task InitializeAsync()
    {
        await _server.CreateClientAsync();
        await _server.CreateUserAsync("changer@example.com");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChangePassword_EndsOtherBrowsersSession_WhenPasswordChanges()
    {
        using var other = _server.CreateBrowser();
        await other.SignInAsync("changer@example.com");
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("changer@example.com");

        var done = await ChangeAsync(browser, TestData.Password, AccountSteps.NewPassword);

        Assert.Equal("/account/security", done.Url.AbsolutePath);
        Assert.Contains("Your password was changed.", done.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/security")).Status);
        Assert.Equal("/account/login", (await other.GetAsync("/account/security")).Url.AbsolutePath);
        Assert.Contains("The email address or password is incorrect", (await other.SignInAsync("changer@example.com")).Text);
        Assert.Equal("/account/security", (await other.SignInAsync("changer@example.com", AccountSteps.NewPassword)).Url.AbsolutePath);
        var notice = Assert.Single(_server.MailTo("changer@example.com"));
        Assert.Equal("Your Identity password was changed", notice.Subject);
    }

    [Fact]
    public async Task ChangePassword_StopsRefreshTokens_WhenPasswordChanges()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var api = _server.CreateApiClient();
        var tokens = await flow.RedeemAsync(api, await flow.GetCodeAsync("changer@example.com"));

        await ChangeAsync(browser, TestData.Password, AccountSteps.NewPassword);
        var refreshed = await flow.RefreshAsync(api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task ChangePassword_ShowsMessageAndKeepsPassword_WhenCurrentPasswordIsWrong()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("changer@example.com");

        var page = await ChangeAsync(browser, "not my password", AccountSteps.NewPassword);

        Assert.Equal("/account/change-password", page.Url.AbsolutePath);
        Assert.Equal("Your current password is incorrect.", page.FieldError("Input.CurrentPassword"));
        Assert.Empty(_server.MailTo("changer@example.com"));
        using var other = _server.CreateBrowser();
        Assert.Equal("/account/security", (await other.SignInAsync("changer@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_LocksAccount_WhenCurrentPasswordIsGuessedRepeatedly()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("changer@example.com");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ChangeAsync(browser, "guess " + attempt, AccountSteps.NewPassword);
        }

        var page = await ChangeAsync(browser, TestData.Password, AccountSteps.NewPassword);

        Assert.Contains("Too many wrong passwords.", page.Text);
        using var other = _server.CreateBrowser();
        Assert.Contains("temporarily locked", (await other.SignInAsync("changer@example.com", AccountSteps.NewPassword)).Text);
    }

    [Fact]
    public async Task ChangePassword_ShowsFieldMessages_WhenNewPasswordIsTooShortOrRepeatedWrongly()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("changer@example.com");

        var tooShort = await ChangeAsync(browser, TestData.Password, "short");
        var mismatch = await ChangeAsync(browser, TestData.Password, AccountSteps.NewPassword, AccountSteps.NewPassword + "!");
        var empty = await ChangeAsync(browser, "", "", "");

        Assert.Equal("Use at least 10 characters for your password.", tooShort.FieldError("Input.NewPassword"));
        Assert.Equal("The passwords do not match.", mismatch.FieldError("Input.ConfirmPassword"));
        Assert.Equal("Enter your current password.", empty.FieldError("Input.CurrentPassword"));
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(_server.MailTo("changer@example.com"));
    }

    [Fact]
    public async Task ChangePassword_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        await browser.SignInAsync("changer@example.com");

        var response = await browser.PostWithoutAntiforgeryAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestData.Password,
            ["Input.NewPassword"] = AccountSteps.NewPassword,
            ["Input.ConfirmPassword"] = AccountSteps.NewPassword,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var other = _server.CreateBrowser();
        Assert.Equal("/account/security", (await other.SignInAsync("changer@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_RedirectsToSignIn_WhenNotSignedIn()
    {
        using var browser = _server.CreateBrowser();

        Assert.Equal("/account/login", (await browser.GetAsync("/account/change-password")).Url.AbsolutePath);
    }

    private static async Task<BrowserClient.Page> ChangeAsync(BrowserClient browser, string current, string next, string? repeat = null)
    {
        var form = await browser.GetAsync("/account/change-password");
        return await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = repeat ?? next,
        });
    }
}
