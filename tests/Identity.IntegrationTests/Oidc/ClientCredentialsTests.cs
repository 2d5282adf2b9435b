using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Identity.IntegrationTests.Infrastructure;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The client credentials grant (RFC 6749 §4.4): only a confidential client that authenticates gets a
/// token, for itself (sub is its client id), and never a refresh token (§4.4.3).
/// </summary>
public sealed class ClientCredentialsTests(ClientCredentialsTests.Fixture fixture) : IClassFixture<ClientCredentialsTests.Fixture>
{
    private const string PublicClientWithGrant = "public-cc";

    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task RequestToken_IssuesAccessTokenForTheClient_WhenSecretIsRight()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret, "api");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var token = await new TokenValidator(_api).ValidateAccessTokenAsync(response.AccessToken, "api");
        Assert.Equal(OidcServerFixture.ConfidentialClientId, token.Subject);
        Assert.Equal(OidcServerFixture.ConfidentialClientId, token.GetClaim("client_id").Value);
        Assert.Equal("api", token.GetClaim("scope").Value);
        Assert.Null(response.Get("refresh_token"));
        Assert.Null(response.Get("id_token"));
    }

    [Fact]
    public async Task RequestToken_IssuesNoRefreshToken_WhenOfflineAccessIsRequested()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret, "api offline_access");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Get("refresh_token"));
        var token = await new TokenValidator(_api).ValidateAccessTokenAsync(response.AccessToken, "api");
        Assert.DoesNotContain("offline_access", token.GetClaim("scope").Value.Split(' '));
    }

    [Fact]
    public async Task RequestToken_AcceptsBasicAuthentication_WhenSecretIsInHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{OidcServerFixture.ConfidentialClientId}:{OidcServerFixture.ConfidentialSecret}")));

        var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidClient_WhenSecretIsWrong()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, "wrong-secret", "api");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidRequest_WhenSecretIsMissing()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, null, "api");

        // OpenIddict refuses the grant itself before looking up the client: the request is malformed.
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidClient_WhenClientIsUnknown()
    {
        var response = await RequestAsync("nobody", "secret", "api");

        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_IsRefused_WhenPublicClientWithoutGrantAsks()
    {
        var response = await RequestAsync(OidcServerFixture.PublicClientId, null, "api");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_IsRefused_WhenPublicClientIsEvenPermittedTheGrant()
    {
        var response = await RequestAsync(PublicClientWithGrant, null, "api");

        // A public client has no secret to send, and the grant is never issued without one.
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidScope_WhenScopeIsNotPermitted()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret, "admin");

        Assert.Equal("invalid_scope", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    private Task<TokenResponse> RequestAsync(string clientId, string? secret, string scope) =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
        }.WithClient(clientId, secret));

    /// <summary>The shared server, plus a public client that was (wrongly) given the grant.</summary>
    public sealed class Fixture : OidcServerFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Server.CreateClientAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = PublicClientWithGrant,
                ClientType = OpenIddictConstants.ClientTypes.Public,
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddictConstants.Permissions.Prefixes.Scope + "api",
                },
            });
        }
    }
}
