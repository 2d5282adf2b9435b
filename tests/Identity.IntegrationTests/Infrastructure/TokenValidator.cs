using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// Validates tokens the way a relying party or API would: keys and issuer come from the server's own
/// discovery document and JWKS, fetched over the test client, never from the server's internals.
/// </summary>
public sealed class TokenValidator(HttpClient api)
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration = new(
        new Uri(IdentityServerFactory.Issuer, ".well-known/openid-configuration").ToString(),
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever(api) { RequireHttps = true });

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync() => _configuration.GetConfigurationAsync(CancellationToken.None);

    /// <summary>Validates an ID token for <paramref name="clientId"/> (OIDC Core §3.1.3.7) and returns it.</summary>
    public Task<JsonWebToken> ValidateIdTokenAsync(string token, string clientId) => ValidateAsync(token, clientId, "JWT");

    /// <summary>Validates a JWT access token for <paramref name="audience"/> (RFC 9068 §4) and returns it.</summary>
    public Task<JsonWebToken> ValidateAccessTokenAsync(string token, string audience) => ValidateAsync(token, audience, "at+jwt");

    /// <summary>The validation result without asserting, for tests that expect a token to be refused.</summary>
    public async Task<TokenValidationResult> TryValidateAsync(string token, string audience, string? type = null)
    {
        var configuration = await GetConfigurationAsync();
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAudience = audience,
            ValidTypes = type is null ? null : [type],
            ValidateLifetime = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });
    }

    private async Task<JsonWebToken> ValidateAsync(string token, string audience, string type)
    {
        var result = await TryValidateAsync(token, audience, type);
        Assert.True(result.IsValid, $"The token did not validate: {result.Exception?.Message}");
        return (JsonWebToken)result.SecurityToken;
    }
}
