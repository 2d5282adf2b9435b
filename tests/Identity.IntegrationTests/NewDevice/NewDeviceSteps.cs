using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Identity.IntegrationTests.NewDevice;

/// <summary>Browsers whose cookie jar the test can read and fill, and the steps of a challenged sign-in.</summary>
public static class NewDeviceSteps
{
    public const string DeviceCookie = "__Host-device";

    /// <summary>A fresh browser (or one sharing <paramref name="jar"/>): no automatic redirects, cookies kept in the jar.</summary>
    public static BrowserClient CreateBrowser(this IdentityServerFactory server, CookieContainer jar, string? userAgent = null)
    {
        var http = server.CreateDefaultClient(IdentityServerFactory.Issuer, new CookieContainerHandler(jar));
        if (userAgent is not null)
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        return new BrowserClient(http);
    }

    public static string? DeviceCookieValue(this CookieContainer jar) => jar.GetCookies(IdentityServerFactory.Issuer)[DeviceCookie]?.Value;

    public static void SetDeviceCookie(this CookieContainer jar, string value) =>
        jar.Add(IdentityServerFactory.Issuer, new Cookie(DeviceCookie, value, "/") { Secure = true, HttpOnly = true });

    /// <summary>Signs in with the password, expects the challenge, and enters the emailed code.</summary>
    public static async Task<BrowserClient.Page> SignInWithEmailCodeAsync(this BrowserClient browser, IdentityServerFactory server, string email)
    {
        var challenge = await browser.SignInWithPasswordAsync(email);
        Assert.Equal("/account/two-step", challenge.Url.AbsolutePath);
        var done = await browser.EnterCodeAsync(challenge, server.LastEmailCode(email));
        Assert.NotEqual("/account/two-step", done.Url.AbsolutePath);
        return done;
    }

    public static async Task SignOutAsync(this BrowserClient browser)
    {
        var page = await browser.GetAsync("/account/logout");
        if (page.Document.QuerySelector("form.form") is not null)
        {
            await browser.SubmitAsync(page, new Dictionary<string, string>());
        }
    }
}
