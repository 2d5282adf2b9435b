using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.SignIn;

/// <summary>
/// Account lockout on the sign-in page (NIST SP 800-63B §5.2.2, throttling guessing): after five wrong
/// passwords even the right one is refused, with the same message an unknown email gets, so the page
/// never tells whether an account exists or is locked.
/// </summary>
public sealed class LockoutTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private const int MaxFailedAttempts = 5;

    [Fact]
    public async Task SignIn_RefusesRightPassword_WhenFiveWrongPasswordsLockedTheAccount()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        for (var attempt = 1; attempt <= MaxFailedAttempts; attempt++)
        {
            await browser.SignInAsync(user.Email!, "wrong password " + attempt);
        }

        var page = await browser.SignInAsync(user.Email!);

        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector(".alert.alert-error"));
        var next = await new OidcFlow(browser).StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });
        Assert.Equal("login_required", OidcFlow.CallbackParameters(next)["error"]);
    }

    [Fact]
    public async Task SignIn_ShowsSameMessageAsUnknownEmail_WhenAccountIsLocked()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        for (var attempt = 1; attempt <= MaxFailedAttempts; attempt++)
        {
            await browser.SignInAsync(user.Email!, "wrong password " + attempt);
        }

        var locked = await browser.SignInAsync(user.Email!);
        var unknown = await browser.SignInAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.com");
        var wrong = await browser.SignInAsync((await fixture.NewUserAsync()).Email!, "wrong password");

        var message = ErrorMessage(unknown);
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(message, ErrorMessage(locked));
        Assert.Equal(message, ErrorMessage(wrong));
    }

    [Fact]
    public async Task SignIn_StillSucceeds_WhenFewerThanFiveWrongPasswordsPreceded()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        for (var attempt = 1; attempt < MaxFailedAttempts; attempt++)
        {
            await browser.SignInAsync(user.Email!, "wrong password " + attempt);
        }

        var flow = new OidcFlow(browser);
        var page = await flow.SignInAsync(await flow.StartAsync(), user.Email!);

        Assert.True(OidcFlow.CallbackParameters(page).ContainsKey("code"));
    }

    [Fact]
    public async Task SignIn_ShowsMessageOnLoginPage_WhenPasswordIsWrong()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();

        var page = await browser.SignInAsync(user.Email!, "wrong password");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains("The email address or password is incorrect", page.Text);
        Assert.DoesNotContain("locked out", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    private static string ErrorMessage(BrowserClient.Page page) =>
        page.Document.QuerySelector(".alert.alert-error")?.TextContent.Trim() ?? string.Empty;
}
