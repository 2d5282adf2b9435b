using System.Security.Cryptography.X509Certificates;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Key rollover as relying parties see it (OIDC Core §10.1.1): when a successor is due, the JWKS
/// publishes it before it signs anything, and tokens keep being signed with the active key.
/// </summary>
public sealed class KeyRotationTests(KeyRotationTests.Fixture fixture) : IClassFixture<KeyRotationTests.Fixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task GetKeySet_PublishesActiveKeyAndItsSuccessor_WhenSuccessorIsDue()
    {
        var keys = await SigningKeysAsync();

        Assert.Equal(2, keys.Count);
        Assert.Single(keys, key => key.Certificate.NotBefore.ToUniversalTime() <= DateTime.UtcNow);
        Assert.Single(keys, key => key.Certificate.NotBefore.ToUniversalTime() > DateTime.UtcNow);
    }

    [Fact]
    public async Task Redeem_SignsWithActiveKeyNotSuccessor_WhenSuccessorIsPublished()
    {
        var keys = await SigningKeysAsync();
        var user = await fixture.NewUserAsync();

        var tokens = await new OidcFlow(fixture.Server.CreateBrowser()).GetTokensAsync(_api, user.Email!);

        var active = Assert.Single(keys, key => key.Certificate.NotBefore.ToUniversalTime() <= DateTime.UtcNow);
        Assert.Equal(active.KeyId, new JsonWebToken(tokens.AccessToken).Kid);
        Assert.Equal(active.KeyId, new JsonWebToken(tokens.IdToken).Kid);
        await new TokenValidator(_api).ValidateAccessTokenAsync(tokens.AccessToken, "api");
    }

    private async Task<List<(string KeyId, X509Certificate2 Certificate)>> SigningKeysAsync()
    {
        var jwks = new JsonWebKeySet(await _api.GetStringAsync("/.well-known/jwks"));
        return [.. jwks.Keys.Where(key => key.Use == "sig")
            .Select(key => (key.Kid, X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.X5c[0]))))];
    }

    /// <summary>A server whose keys rotate hourly and are published an hour ahead: a successor is due at once.</summary>
    public sealed class Fixture : OidcServerFixture
    {
        public Fixture()
        {
            Server.With("SigningKeys:RotationInterval", "01:00:00").With("SigningKeys:PrepublishPeriod", "01:00:00");
        }
    }
}
