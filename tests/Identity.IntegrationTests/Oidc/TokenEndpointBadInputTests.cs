using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Malformed token requests (RFC 6749 §5.2): a 400 or 401 with a JSON body naming <c>error</c> and
/// <c>error_description</c>; never a 500, a stack trace or a token.
/// </summary>
public sealed class TokenEndpointBadInputTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Token_ReturnsInvalidRequest_WhenGrantTypeIsMissing()
    {
        var response = await PostFormAsync(new() { ["client_id"] = "web", ["code"] = "x" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("implicit")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    [InlineData("urn:ietf:params:oauth:grant-type:token-exchange")]
    [InlineData("garbage")]
    public async Task Token_ReturnsUnsupportedGrantType_WhenGrantTypeIsNotOffered(string grantType)
    {
        var response = await PostFormAsync(new()
        {
            ["grant_type"] = grantType,
            ["client_id"] = OidcServerFixture.ConfidentialClientId,
            ["client_secret"] = OidcServerFixture.ConfidentialSecret,
            ["username"] = "someone@example.com",
            ["password"] = "guess",
        });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Theory]
    [InlineData("!!!not-base64!!!")]
    [InlineData("bm9jb2xvbg==")] // "nocolon"
    [InlineData("Og==")] // ":"
    [InlineData("")]
    public async Task Token_RefusesWithJsonError_WhenBasicAuthorizationIsMalformed(string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + credentials);

        var response = await _api.SendAsync(request);

        await AssertErrorAsync(response, null, null);
    }

    [Fact]
    public async Task Token_ReturnsInvalidClient_WhenBasicAndFormCredentialsAreBothSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = OidcServerFixture.ConfidentialClientId,
                ["client_secret"] = OidcServerFixture.ConfidentialSecret,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{OidcServerFixture.ConfidentialClientId}:{OidcServerFixture.ConfidentialSecret}")));

        var response = await _api.SendAsync(request);

        // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_ReturnsInvalidRequest_WhenBodyIsJson()
    {
        var response = await _api.PostAsync("/connect/token", new StringContent(
            $$"""{"grant_type":"client_credentials","client_id":"{{OidcServerFixture.ConfidentialClientId}}","client_secret":"{{OidcServerFixture.ConfidentialSecret}}"}""",
            Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_ReturnsInvalidRequest_WhenMethodIsGet()
    {
        var response = await _api.GetAsync(
            $"/connect/token?grant_type=client_credentials&client_id={OidcServerFixture.ConfidentialClientId}&client_secret={OidcServerFixture.ConfidentialSecret}");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_ReturnsInvalidRequest_WhenBodyIsEmpty()
    {
        var response = await _api.PostAsync("/connect/token", new FormUrlEncodedContent([]));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_RefusesWithJsonError_WhenParameterIsRepeated()
    {
        var response = await _api.PostAsync("/connect/token", new StringContent(
            $"grant_type=client_credentials&grant_type=refresh_token&client_id={OidcServerFixture.ConfidentialClientId}&client_secret={OidcServerFixture.ConfidentialSecret}",
            Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task Token_RefusesWithJsonError_WhenParametersAreVeryLong()
    {
        var response = await PostFormAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "web",
            ["code"] = new string('a', 100_000),
            ["redirect_uri"] = TestData.ClientRedirectUri,
            ["code_verifier"] = new string('b', 100_000),
        });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task Token_ReturnsInvalidClient_WhenClientIdIsVeryLong()
    {
        var response = await PostFormAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = new string('c', 50_000),
            ["client_secret"] = "secret",
        });

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    private Task<HttpResponseMessage> PostFormAsync(Dictionary<string, string> form) =>
        _api.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode? status, string? error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"Got {(int)response.StatusCode}: {body}");
        if (status is not null)
        {
            Assert.Equal(status, response.StatusCode);
        }

        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        Assert.False(json.TryGetProperty("access_token", out _));
        if (error is not null)
        {
            Assert.Equal(error, json.GetProperty("error").GetString());
        }
    }
}
