using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Operations;

/// <summary>
/// /metrics in Prometheus text format: the product's counters move with real sign-ins, codes, lockouts and
/// token responses, and only the allowed networks may read it.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private const string Email = "metrics@example.com";
    private readonly FakeTwilio _twilio = new();
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        _twilio.Configure(_server).WithPeerAddresses();
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
    public async Task Metrics_CountSignInTextedCodeAndToken_WhenUserSignsInWithSmsCode()
    {
        await _server.EnableTwoStepAsync(Email);
        var api = _server.CreateApiClient();
        var before = await PrometheusText.ScrapeAsync(api);

        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);
        var done = await browser.EnterCodeAsync(challenge, _twilio.LastCode(SecondFactorTestData.Phone));
        var tokens = await flow.RedeemAsync(api, OidcFlow.CallbackParameters(done)["code"]);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var after = await PrometheusText.ScrapeAsync(api);

        Assert.Equal(1, Change(before, after, "identity_sign_ins_total", ("outcome", "success"), ("method", "pwd+sms")));
        Assert.Equal(1, Change(before, after, "identity_second_factor_challenges_total", ("method", "sms"), ("outcome", "sent")));
        Assert.Equal(1, Change(before, after, "identity_second_factor_challenges_total", ("method", "sms"), ("outcome", "passed")));
        Assert.Equal(0, Change(before, after, "identity_second_factor_challenges_total", ("method", "sms"), ("outcome", "failed")));
        Assert.Equal(1, Change(before, after, "identity_tokens_issued_total", ("grant_type", "authorization_code")));
        Assert.True(after.Value("http_server_request_duration_seconds_count", ("http_route", "account/login")) > 0, after.Text);
    }

    [Fact]
    public async Task Metrics_CountFailedCodeAndLockout_WhenCodesAndPasswordsAreWrong()
    {
        await _server.EnableTwoStepAsync(Email);
        var api = _server.CreateApiClient();
        var before = await PrometheusText.ScrapeAsync(api);

        using (var browser = _server.CreateBrowser())
        {
            await browser.EnterCodeAsync(await browser.SignInWithPasswordAsync(Email), "000000");
        }

        using (var guesser = _server.CreateBrowser())
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await guesser.SignInAsync(Email, "wrong password");
            }
        }

        var after = await PrometheusText.ScrapeAsync(api);

        Assert.Equal(1, Change(before, after, "identity_second_factor_challenges_total", ("method", "sms"), ("outcome", "failed")));
        Assert.Equal(5, Change(before, after, "identity_sign_ins_total", ("outcome", "failure"), ("method", "pwd")));
        Assert.Equal(1, Change(before, after, "identity_lockouts_total", ("reason", "failed_sign_ins")));
    }

    [Fact]
    public async Task Metrics_CountClientCredentialsTokens_WhenMachineClientAsks()
    {
        await _server.CreateClientAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret, clientCredentials: true);
        var api = _server.CreateApiClient();
        var before = await PrometheusText.ScrapeAsync(api);

        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        Assert.Equal(HttpStatusCode.OK, (await TokenResponse.PostAsync(api, form.WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret))).Status);
        Assert.Equal("invalid_client", (await TokenResponse.PostAsync(api, form.WithClient(OidcServerFixture.ConfidentialClientId, "wrong-secret"))).Error);
        var after = await PrometheusText.ScrapeAsync(api);

        Assert.Equal(1, Change(before, after, "identity_tokens_issued_total", ("grant_type", "client_credentials")));
    }

    [Fact]
    public async Task Metrics_CountRefusedPasskeyButNotCancelledOne_WhenPasskeySignInFails()
    {
        var api = _server.CreateApiClient();
        var before = await PrometheusText.ScrapeAsync(api);

        using var browser = _server.CreateBrowser();
        var page = await browser.GetAsync("/account/passkeys/sign-in");
        var refused = await browser.SubmitAsync(page, new Dictionary<string, string> { ["CredentialJson"] = "{\"id\":\"AAAA\"}" }, formSelector: "form.passkey");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        await browser.SubmitAsync(await browser.GetAsync("/account/passkeys/sign-in"), new Dictionary<string, string> { ["BrowserError"] = "NotAllowedError" }, formSelector: "form.passkey");
        var after = await PrometheusText.ScrapeAsync(api);

        Assert.Equal(1, Change(before, after, "identity_second_factor_challenges_total", ("method", "passkey"), ("outcome", "failed")));
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("2001:db8::1")]
    public async Task Metrics_Returns404_WhenClientIsOutsideAllowedNetworks(string peer)
    {
        var response = await _server.CreateApiClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From(peer));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("identity_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.7.7")]
    [InlineData("::1")]
    public async Task Metrics_Returns200_WhenClientIsOnPrivateNetwork(string peer)
    {
        var response = await _server.CreateApiClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From(peer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Metrics_Returns404_WhenPublicClientComesThroughTrustedProxy()
    {
        using var server = new IdentityServerFactory().With("Hosting:KnownProxies:0", "10.0.0.5").WithPeerAddresses();
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics").From("10.0.0.5");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        var response = await server.CreateApiClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_Returns404_WhenDisabled()
    {
        using var server = new IdentityServerFactory().With("Metrics:Enabled", "false").WithPeerAddresses();

        Assert.Equal(HttpStatusCode.NotFound, (await server.CreateApiClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_Returns200_WhenClientIsInConfiguredNetwork()
    {
        using var server = new IdentityServerFactory().With("Metrics:AllowedNetworks:0", "203.0.113.0/24").WithPeerAddresses();
        var api = server.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From("203.0.113.9"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").From("10.1.2.3"))).StatusCode);
    }

    private static double Change(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);
}
