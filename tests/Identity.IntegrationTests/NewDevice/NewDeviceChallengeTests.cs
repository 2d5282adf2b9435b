using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Microsoft.AspNetCore.Identity;

namespace Identity.IntegrationTests.NewDevice;

/// <summary>
/// The sign-in page followed by the new-device challenge: a correct password from a browser the account has
/// not confirmed is followed by a code (text, email fallback, or authenticator) before any session; a
/// confirmed browser goes straight through; a forged, tampered or borrowed device cookie counts as new.
/// </summary>
public sealed class NewDeviceChallengeTests : IAsyncLifetime
{
    private const string Email = "dana@example.com";
    private const string Other = "erik@example.com";
    private readonly FakeTwilio _twilio = new();
    private readonly IdentityServerFactory _server = new IdentityServerFactory().With("NewDevice:Policy", "NewDevice")
        .With("SecondFactors:ResendCooldown", "00:00:00");

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server);
        await _server.CreateUserAsync(Email);
        await _server.CreateUserAsync(Other);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _twilio.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_AsksForEmailedCode_WhenBrowserIsNewAndAccountHasNoPhone()
    {
        using var browser = _server.CreateBrowser();

        var challenge = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        Assert.Contains("Confirm it is you", challenge.Text, StringComparison.Ordinal);
        Assert.Contains("Enter the code we emailed to", challenge.Text, StringComparison.Ordinal);
        Assert.Null(challenge.Document.QuerySelector("input[name=RememberBrowser]"));
        Assert.False(await browser.IsSignedInAsync());
        Assert.Empty(_twilio.Requests);

        var done = await browser.EnterCodeAsync(challenge, _server.LastEmailCode(Email));

        Assert.Equal("/account/security", done.Url.AbsolutePath);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_TextsCodeThroughTwilio_WhenBrowserIsNewAndAccountHasPhone()
    {
        await _server.ChangeUserAsync(Email, (users, user) =>
        {
            user.PhoneNumber = SecondFactorTestData.Phone;
            user.PhoneNumberConfirmed = true;
            return users.UpdateAsync(user);
        });
        using var browser = _server.CreateBrowser();

        var challenge = await browser.SignInWithPasswordAsync(Email);

        Assert.Contains("Enter the code we texted to ••• ••• •• 78.", challenge.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
        var wrong = await browser.EnterCodeAsync(challenge, "000000");
        Assert.Contains("The code is incorrect.", wrong.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());

        var done = await browser.EnterCodeAsync(wrong, _twilio.LastCode(SecondFactorTestData.Phone));

        Assert.Equal("/account/security", done.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_AsksForAuthenticatorCode_WhenAccountUsesAuthenticator()
    {
        await _server.EnableTwoStepAsync(Email, phone: null, authenticator: true, method: "authenticator");
        using var browser = _server.CreateBrowser();

        var challenge = await browser.SignInWithPasswordAsync(Email);

        Assert.Contains("Enter the 6-digit code from your authenticator app.", challenge.Text, StringComparison.Ordinal);
        var done = await browser.EnterCodeAsync(challenge, SecondFactorTestData.AuthenticatorCode(DateTimeOffset.UtcNow));
        Assert.Equal("/account/security", done.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_GoesStraightThrough_WhenSameBrowserSignsInAgain()
    {
        var jar = new CookieContainer();
        using var browser = _server.CreateBrowser(jar);
        await browser.SignInWithEmailCodeAsync(_server, Email);
        await browser.SignOutAsync();
        Assert.False(await browser.IsSignedInAsync());

        var again = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/security", again.Url.AbsolutePath);
        Assert.True(await browser.IsSignedInAsync());
        Assert.Single(_server.MailTo(Email), message => message.Subject == "New sign-in to your Identity account");
    }

    [Fact]
    public async Task SignIn_IsChallenged_WhenDeviceCookieIsForged()
    {
        var jar = new CookieContainer();
        jar.SetDeviceCookie(Convert.ToBase64String(new byte[32]).TrimEnd('='));
        using var browser = _server.CreateBrowser(jar);

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_IsChallenged_WhenDeviceCookieIsTampered()
    {
        var jar = new CookieContainer();
        using (var first = _server.CreateBrowser(jar))
        {
            await first.SignInWithEmailCodeAsync(_server, Email);
            await first.SignOutAsync();
        }

        var value = jar.DeviceCookieValue()!;
        var tampered = new CookieContainer();
        tampered.SetDeviceCookie(value[..^4] + (value[^4] == 'A' ? "B" : "A") + value[^3..]);
        using var browser = _server.CreateBrowser(tampered);

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_IsChallenged_WhenDeviceCookieIsCopiedToAnotherAccount()
    {
        var jar = new CookieContainer();
        using (var first = _server.CreateBrowser(jar))
        {
            await first.SignInWithEmailCodeAsync(_server, Email);
        }

        var copied = new CookieContainer();
        copied.SetDeviceCookie(jar.DeviceCookieValue()!);
        using var browser = _server.CreateBrowser(copied);

        var page = await browser.SignInWithPasswordAsync(Other);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_SetsHardenedDeviceCookie_WhenChallengeIsPassed()
    {
        var jar = new CookieContainer();
        using var browser = _server.CreateBrowser(jar);
        var challenge = await browser.SignInWithPasswordAsync(Email);

        var response = await browser.PostFormAsync(challenge, new Dictionary<string, string> { ["Code"] = _server.LastEmailCode(Email) }, formSelector: "form.verify");

        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(NewDeviceSteps.DeviceCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", header, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ShowsSameError_WhenPasswordIsWrongFromNewBrowser()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.SubmitAsync(await browser.GetAsync("/account/login"),
            new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = "wrong password here" });

        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.Contains("The email address or password is incorrect", page.Text, StringComparison.Ordinal);
        Assert.Empty(_server.MailTo(Email));
    }
}
