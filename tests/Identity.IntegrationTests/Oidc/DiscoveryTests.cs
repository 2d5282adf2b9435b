using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The discovery document and key set (OpenID Connect Discovery 1.0 §3–4, RFC 8414 §2, RFC 7517):
/// what a relying party learns about the server before its first request.
/// </summary>
public sealed class DiscoveryTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task GetConfiguration_ReturnsConfiguredIssuer_WhenRequested()
    {
        var document = await GetDocumentAsync();

        Assert.Equal(IdentityServerFactory.Issuer.ToString(), document.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task GetConfiguration_AdvertisesOnlyS256_WhenListingCodeChallengeMethods()
    {
        var document = await GetDocumentAsync();

        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
    }

    [Fact]
    public async Task GetConfiguration_AdvertisesCodeRefreshAndClientCredentials_WhenListingGrantTypes()
    {
        var document = await GetDocumentAsync();

        Assert.Equal(
            ["authorization_code", "client_credentials", "refresh_token"],
            Strings(document, "grant_types_supported").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("implicit", Strings(document, "grant_types_supported"));
        Assert.DoesNotContain("password", Strings(document, "grant_types_supported"));
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
    }

    [Theory]
    [InlineData("authorization_endpoint", "connect/authorize")]
    [InlineData("token_endpoint", "connect/token")]
    [InlineData("userinfo_endpoint", "connect/userinfo")]
    [InlineData("end_session_endpoint", "connect/endsession")]
    [InlineData("revocation_endpoint", "connect/revoke")]
    [InlineData("introspection_endpoint", "connect/introspect")]
    [InlineData("jwks_uri", ".well-known/jwks")]
    public async Task GetConfiguration_PublishesEndpointUnderIssuer_WhenListingEndpoints(string member, string path)
    {
        var document = await GetDocumentAsync();

        Assert.Equal(new Uri(IdentityServerFactory.Issuer, path).ToString(), document.GetProperty(member).GetString());
    }

    [Fact]
    public async Task GetConfiguration_AdvertisesSupportedScopesAndRs256_WhenRequested()
    {
        var document = await GetDocumentAsync();

        Assert.Contains("openid", Strings(document, "scopes_supported"));
        Assert.Contains("offline_access", Strings(document, "scopes_supported"));
        Assert.Equal(["RS256"], Strings(document, "id_token_signing_alg_values_supported"));
    }

    [Fact]
    public async Task GetKeySet_PublishesRsaSigningKeysWithoutPrivateParts_WhenRequested()
    {
        var response = await _api.GetAsync("/.well-known/jwks");
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Equal("RSA", key.GetProperty("kty").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
            Assert.False(key.TryGetProperty("d", out _), "A private key part was published.");
            Assert.False(key.TryGetProperty("p", out _), "A private key part was published.");
        });
    }

    [Fact]
    public async Task GetConfiguration_LoadsIntoIdentityModel_WhenReadByARelyingPartyLibrary()
    {
        var configuration = await new TokenValidator(_api).GetConfigurationAsync();

        Assert.Equal(IdentityServerFactory.Issuer.ToString(), configuration.Issuer);
        Assert.NotEmpty(configuration.SigningKeys);
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await _api.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Strings(JsonElement document, string member) =>
        [.. document.GetProperty(member).EnumerateArray().Select(value => value.GetString()!)];
}
