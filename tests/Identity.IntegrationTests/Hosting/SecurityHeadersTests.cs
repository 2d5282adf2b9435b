using Identity.IntegrationTests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Identity.IntegrationTests.Hosting;

/// <summary>
/// Response headers and cookies outside Development: no framing (CSP frame-ancestors, RFC 7034),
/// no sniffing, no referrer, and cookies that are HttpOnly, Secure, SameSite and <c>__Host-</c>
/// prefixed (RFC 6265bis §4.1.3.2) so no other origin or script can set or read them.
/// </summary>
public sealed class SecurityHeadersTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/error")]
    [InlineData("/connect/authorize?client_id=unknown")]
    [InlineData("/no-such-page")]
    public async Task Get_SendsSecurityHeaders_WhenPageIsServed(string path)
    {
        var response = await fixture.Server.CreateApiClient().GetAsync(path);

        var headers = response.Headers;
        var csp = string.Join(";", headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Get_SendsHsts_WhenServedOverHttps()
    {
        // The HSTS middleware never sends the header to localhost, so ask as a real host name would.
        var response = await fixture.Server.CreateApiClient().GetAsync("https://id.example.com/account/login");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
        Assert.Contains("includeSubDomains", hsts);
    }

    [Fact]
    public async Task Get_SetsHardenedAntiforgeryCookie_WhenFormIsShown()
    {
        var response = await fixture.Server.CreateApiClient().GetAsync("/account/login");

        var cookie = Assert.Single(Cookies(response), c => c.Name.Value!.Contains("antiforgery", StringComparison.Ordinal));
        AssertHostCookie(cookie);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task SignIn_SetsHardenedSessionCookie_WhenPasswordIsCorrect()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var login = await browser.GetAsync("/account/login");

        var response = await browser.PostFormAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestData.Password,
        });

        var cookie = Assert.Single(Cookies(response), c => c.Name.Value == "__Host-identity");
        AssertHostCookie(cookie);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
    }

    private static void AssertHostCookie(SetCookieHeaderValue cookie)
    {
        Assert.StartsWith("__Host-", cookie.Name.Value, StringComparison.Ordinal);
        Assert.True(cookie.Secure, $"{cookie.Name} is not Secure.");
        Assert.True(cookie.HttpOnly, $"{cookie.Name} is not HttpOnly.");
        Assert.Equal("/", cookie.Path.Value);
        Assert.True(cookie.Domain.Value is null, $"{cookie.Name} names a domain.");
    }

    private static IList<SetCookieHeaderValue> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList([.. values]) : [];
}
