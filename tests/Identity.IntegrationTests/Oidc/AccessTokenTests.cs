using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// JWT access tokens (RFC 9068): signed, not encrypted, typed <c>at+jwt</c>, addressed to the API
/// resource of the granted scopes, and validated with the keys from the server's own JWKS.
/// </summary>
public sealed class AccessTokenTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Redeem_IssuesSignedUnencryptedAtJwt_WhenCodeIsRedeemed()
    {
        var tokens = await GetTokensAsync("openid api");

        Assert.Equal(3, tokens.AccessToken.Split('.').Length);
        var token = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
    }

    [Fact]
    public async Task Redeem_IssuesAccessTokenForApiAudience_WhenApiScopeIsGranted()
    {
        var tokens = await GetTokensAsync("openid email api");

        var token = await new TokenValidator(_api).ValidateAccessTokenAsync(tokens.AccessToken, "api");
        Assert.Equal(IdentityServerFactory.Issuer.ToString(), token.Issuer);
        Assert.Contains("api", token.Audiences);
        Assert.Equal(OidcServerFixture.PublicClientId, token.GetClaim("client_id").Value);
        Assert.Equal(["api", "email", "openid"], token.GetClaim("scope").Value.Split(' ').Order(StringComparer.Ordinal));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Redeem_RefusesAccessTokenForApi_WhenApiScopeIsNotGranted()
    {
        var tokens = await GetTokensAsync("openid email");

        var result = await new TokenValidator(_api).TryValidateAsync(tokens.AccessToken, "api", "at+jwt");
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Redeem_RefusesTokenValidatedAsAnotherApi_WhenAudienceDiffers()
    {
        var tokens = await GetTokensAsync("openid api");

        var result = await new TokenValidator(_api).TryValidateAsync(tokens.AccessToken, "some-other-api", "at+jwt");
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Redeem_CarriesSubAndEmailOnlyForGrantedScopes_WhenAccessTokenIsIssued()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var withEmail = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid email api");
        var withoutEmail = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid api");

        var validator = new TokenValidator(_api);
        var first = await validator.ValidateAccessTokenAsync(withEmail.AccessToken, "api");
        var second = await validator.ValidateAccessTokenAsync(withoutEmail.AccessToken, "api");
        Assert.Equal(user.Id, first.Subject);
        Assert.Equal(user.Email, first.GetClaim("email").Value);
        Assert.False(second.TryGetPayloadValue<string>("email", out _));
        Assert.False(second.TryGetPayloadValue<string>("security_stamp", out _), "A private claim leaked into the access token.");
    }

    [Fact]
    public async Task Redeem_KeepsTokensOpaqueToOtherUses_WhenIdTokenIsPresentedAsAccessToken()
    {
        var tokens = await GetTokensAsync("openid api");

        var result = await new TokenValidator(_api).TryValidateAsync(tokens.IdToken, "api", "at+jwt");
        Assert.False(result.IsValid);
    }

    private async Task<TokenResponse> GetTokensAsync(string scope)
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        return await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, scope);
    }
}
