using System.Net;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Hosting;

/// <summary>
/// Per-address limits on the endpoints attackers hammer (RFC 9700 §4.16 on brute force; RFC 6585 §4
/// for 429): password guessing on the account forms and secret guessing at the token endpoint.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    private const int Limit = 3;

    [Fact]
    public async Task SignIn_Returns429WithRetryAfter_WhenLimitIsExceeded()
    {
        using var browser = fixture.Server.CreateBrowser();
        var login = await browser.GetAsync("/account/login");
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@example.com", ["Input.Password"] = "guess-guess-guess" };

        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            var allowed = await browser.PostFormAsync(login, fields);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await browser.PostFormAsync(login, fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_Returns429WithRetryAfterAndOAuthError_WhenLimitIsExceeded()
    {
        var api = fixture.Server.CreateApiClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }
            .WithClient(OidcServerFixture.ConfidentialClientId, "wrong-secret");

        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            var allowed = await api.PostAsync("/connect/token", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var refused = await api.PostAsync("/connect/token", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("temporarily_unavailable", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task Get_IsNotLimited_WhenPagesAreOnlyRead()
    {
        var api = fixture.Server.CreateApiClient();

        for (var attempt = 1; attempt <= Limit * 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/.well-known/openid-configuration")).StatusCode);
        }
    }

    /// <summary>A fresh server with tight limits; each test spends the budget of one limit.</summary>
    public sealed class Fixture : OidcServerFixture
    {
        public Fixture()
        {
            Server.With("RateLimits:AccountFormsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("RateLimits:TokenRequestsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
