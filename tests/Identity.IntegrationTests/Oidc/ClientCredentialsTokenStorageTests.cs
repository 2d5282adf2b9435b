using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Which tokens are stored: access tokens of the client credentials grant (RFC 6749 §4.4) are
/// self-contained JWTs (RFC 9068) without a row, so introspection (RFC 7662) answers from the token itself
/// and revocation (RFC 7009 §2.2.1) says the type cannot be revoked; tokens issued to users stay stored
/// and revocable.
/// </summary>
public sealed class ClientCredentialsTokenStorageTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task RequestToken_StoresNoTokenRow_WhenGrantIsClientCredentials()
    {
        var before = await CountTokensAsync();

        var response = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(before, await CountTokensAsync());
    }

    [Fact]
    public async Task Introspect_ReturnsActiveWithClientAsSubject_WhenClientCredentialsTokenIsLive()
    {
        var token = (await RequestTokenAsync()).AccessToken;

        var result = await PostAsync("/connect/introspect", token);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(result.Body.GetProperty("active").GetBoolean());
        Assert.Equal(OidcServerFixture.ConfidentialClientId, result.Get("sub"));
        Assert.Equal("access_token", result.Get("token_usage"));
    }

    [Fact]
    public async Task Revoke_ReturnsUnsupportedTokenType_WhenTokenIsClientCredentialsAccessToken()
    {
        var token = (await RequestTokenAsync()).AccessToken;

        var result = await PostAsync("/connect/revoke", token);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("unsupported_token_type", result.Error);
        Assert.False(string.IsNullOrEmpty(result.Get("error_description")));
        Assert.True((await PostAsync("/connect/introspect", token)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoke_MakesUserAccessTokenInactive_WhenTokenWasIssuedToAUser()
    {
        var user = await fixture.NewUserAsync();
        var tokens = await new OidcFlow(fixture.Server.CreateBrowser(), OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret)
            .GetTokensAsync(_api, user.Email!);

        var revoked = await PostAsync("/connect/revoke", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.False((await PostAsync("/connect/introspect", tokens.AccessToken)).Body.GetProperty("active").GetBoolean());
    }

    private Task<long> CountTokensAsync() =>
        fixture.Server.WithScopeAsync(services => services.GetRequiredService<IOpenIddictTokenManager>().CountAsync().AsTask());

    private Task<TokenResponse> RequestTokenAsync() =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "api",
        }.WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret));

    private Task<TokenResponse> PostAsync(string path, string token) =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string> { ["token"] = token }
            .WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret), path);
}
