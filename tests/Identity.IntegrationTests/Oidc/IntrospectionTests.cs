using System.Net;
using Identity.IntegrationTests.Infrastructure;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Token introspection (RFC 7662) by confidential clients: the API a token is addressed to sees it
/// active with sub, scope and client_id; revoked, foreign or garbage tokens are just inactive (§2.2),
/// so introspection tells a caller nothing about tokens that are not its business.
/// </summary>
public sealed class IntrospectionTests(IntrospectionTests.Fixture fixture) : IClassFixture<IntrospectionTests.Fixture>
{
    /// <summary>The resource server: its client id is the audience of tokens carrying the api scope.</summary>
    private const string ApiClientId = "api";
    private const string ApiSecret = "api-secret-that-is-long-enough";

    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Introspect_ReturnsActiveWithSubScopeAndClientId_WhenApiIntrospectsLiveAccessToken()
    {
        var (user, tokens) = await SignInAsync(OidcServerFixture.PublicClientId, null);

        var result = await IntrospectAsync(tokens.AccessToken, ApiClientId, ApiSecret);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(result.Body.GetProperty("active").GetBoolean());
        Assert.Equal(user.Id, result.Get("sub"));
        Assert.Equal(OidcServerFixture.PublicClientId, result.Get("client_id"));
        Assert.Contains("api", result.Get("scope")!.Split(' '));
        Assert.Equal("access_token", result.Get("token_usage"));
    }

    [Fact]
    public async Task Introspect_ReturnsActive_WhenClientIntrospectsItsOwnRefreshToken()
    {
        var (user, tokens) = await SignInAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);

        var result = await IntrospectAsync(tokens.RefreshToken, OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);

        Assert.True(result.Body.GetProperty("active").GetBoolean());
        Assert.Equal(user.Id, result.Get("sub"));
        Assert.Equal(OidcServerFixture.ConfidentialClientId, result.Get("client_id"));
    }

    [Fact]
    public async Task Introspect_ReturnsInactive_WhenRefreshTokenWasRevoked()
    {
        var (_, tokens) = await SignInAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);
        var revoked = await _api.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = tokens.RefreshToken,
        }.WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret)));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var result = await IntrospectAsync(tokens.RefreshToken, OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.False(result.Body.GetProperty("active").GetBoolean());
        Assert.Null(result.Get("sub"));
    }

    [Fact]
    public async Task Introspect_ReturnsInactive_WhenTokenIsGarbage()
    {
        var result = await IntrospectAsync("garbage", ApiClientId, ApiSecret);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.False(result.Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspect_ReturnsInactive_WhenTokenIsNeitherForNorFromTheCaller()
    {
        var (_, tokens) = await SignInAsync(OidcServerFixture.PublicClientId, null);

        var result = await IntrospectAsync(tokens.RefreshToken, ApiClientId, ApiSecret);

        Assert.False(result.Body.GetProperty("active").GetBoolean());
        Assert.Null(result.Get("sub"));
    }

    [Fact]
    public async Task Introspect_ReturnsInvalidClient_WhenSecretIsWrong()
    {
        var (_, tokens) = await SignInAsync(OidcServerFixture.PublicClientId, null);

        var result = await IntrospectAsync(tokens.AccessToken, ApiClientId, "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
        Assert.False(string.IsNullOrEmpty(result.Get("error_description")));
        Assert.False(result.Body.TryGetProperty("active", out _));
    }

    [Fact]
    public async Task Introspect_ReturnsInvalidRequestJson_WhenBodyIsJson()
    {
        var response = await _api.PostAsync("/connect/introspect", new StringContent(
            $$"""{"token":"garbage","client_id":"{{OidcServerFixture.ConfidentialClientId}}","client_secret":"{{OidcServerFixture.ConfidentialSecret}}"}""",
            System.Text.Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        Assert.DoesNotContain("Exception", body);
    }

    private Task<TokenResponse> IntrospectAsync(string token, string clientId, string? secret) =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string> { ["token"] = token }.WithClient(clientId, secret), "/connect/introspect");

    private async Task<(Identity.Server.Data.ApplicationUser User, TokenResponse Tokens)> SignInAsync(string clientId, string? secret)
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser(), clientId, secret);
        return (user, await flow.GetTokensAsync(_api, user.Email!));
    }

    /// <summary>The shared server, plus the API as a confidential client that may only introspect.</summary>
    public sealed class Fixture : OidcServerFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Server.CreateClientAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ApiClientId,
                ClientSecret = ApiSecret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Introspection },
            });
        }
    }
}
