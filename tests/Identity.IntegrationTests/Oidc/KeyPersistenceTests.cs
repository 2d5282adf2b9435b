using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Token keys survive a restart (OIDC Core §10.1: relying parties cache the JWKS): a second server
/// on the same data folder publishes the same key, validates the first one's tokens and redeems its
/// refresh tokens.
/// </summary>
public sealed class KeyPersistenceTests(KeyPersistenceTests.Restart restart) : IClassFixture<KeyPersistenceTests.Restart>
{
    [Fact]
    public async Task Restart_PublishesSameSigningKey_WhenServerStartsOnSameData()
    {
        var configuration = await new TokenValidator(restart.Second.CreateApiClient()).GetConfigurationAsync();

        Assert.Contains(new JsonWebToken(restart.Tokens.AccessToken).Kid, configuration.SigningKeys.Select(key => key.KeyId));
        Assert.Equal(restart.FirstKeyIds, configuration.SigningKeys.Select(key => key.KeyId).Order());
    }

    [Fact]
    public async Task Restart_ValidatesEarlierTokens_WhenCheckedWithSecondServersJwks()
    {
        var validator = new TokenValidator(restart.Second.CreateApiClient());

        var accessToken = await validator.ValidateAccessTokenAsync(restart.Tokens.AccessToken, "api");
        var idToken = await validator.ValidateIdTokenAsync(restart.Tokens.IdToken, OidcServerFixture.PublicClientId);

        Assert.Equal(accessToken.Subject, idToken.Subject);
    }

    [Fact]
    public async Task Restart_RedeemsEarlierRefreshToken_WhenPresentedToSecondServer()
    {
        var api = restart.Second.CreateApiClient();

        var refreshed = await new OidcFlow(restart.Second.CreateBrowser()).RefreshAsync(api, restart.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var token = await new TokenValidator(api).ValidateAccessTokenAsync(refreshed.AccessToken, "api");
        Assert.Equal(new JsonWebToken(restart.Tokens.AccessToken).Kid, token.Kid);
    }

    /// <summary>Issues tokens on one server, stops it, and starts a second on the same data folder.</summary>
    public sealed class Restart : IAsyncLifetime
    {
        public IdentityServerFactory Second { get; private set; } = null!;

        public TokenResponse Tokens { get; private set; } = null!;

        public IReadOnlyList<string> FirstKeyIds { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var first = new IdentityServerFactory().KeepData();
            try
            {
                await first.CreateClientAsync();
                var user = await first.CreateUserAsync("restart@example.com");
                var api = first.CreateApiClient();
                Tokens = await new OidcFlow(first.CreateBrowser()).GetTokensAsync(api, user.Email!);
                FirstKeyIds = [.. (await new TokenValidator(api).GetConfigurationAsync()).SigningKeys.Select(key => key.KeyId).Order()];
            }
            finally
            {
                await first.DisposeAsync();
            }

            Second = new IdentityServerFactory(first.DataDirectory);
        }

        public async Task DisposeAsync() => await Second.DisposeAsync();
    }
}
