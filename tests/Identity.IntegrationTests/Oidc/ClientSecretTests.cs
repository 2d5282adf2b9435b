using System.Net;
using Identity.IntegrationTests.Import;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Admin.Clients;
using Identity.Server.Features.Import;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Client authentication with a secret (RFC 6749 §2.3.1): secrets the server generates (256 random bits)
/// are stored as one SHA-256, secrets a person chose keep OpenIddict's slow PBKDF2 hash, and secrets stored
/// before either keep working.
/// </summary>
public sealed class ClientSecretTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task RequestToken_IssuesToken_WhenServerGeneratedSecretIsGiven()
    {
        var (clientId, secret) = await CreateGeneratedClientAsync();

        var response = await RequestAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("sha256:", await StoredSecretAsync(clientId));
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidClient_WhenGeneratedSecretHasOneCharacterChanged()
    {
        var (clientId, secret) = await CreateGeneratedClientAsync();
        var wrong = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        var response = await RequestAsync(clientId, wrong);

        Assert.Equal(secret.Length, wrong.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.Get("access_token"));
    }

    [Fact]
    public async Task RequestToken_IssuesTokenOnlyForNewSecret_WhenGeneratedSecretWasRotated()
    {
        var (clientId, old) = await CreateGeneratedClientAsync();

        var rotated = await fixture.Server.WithScopeAsync(async services =>
        {
            var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
            var id = await applications.GetIdAsync((await applications.FindByClientIdAsync(clientId))!);
            return (await services.GetRequiredService<ClientEditor>().RotateSecretAsync(id!, CancellationToken.None))!;
        });

        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(clientId, rotated)).Status);
        Assert.Equal("invalid_client", (await RequestAsync(clientId, old)).Error);
        Assert.StartsWith("sha256:", await StoredSecretAsync(clientId));
    }

    [Fact]
    public async Task RequestToken_IssuesToken_WhenPersonChosenSecretWasImported()
    {
        var clientId = "imported-" + Guid.NewGuid().ToString("N")[..8];
        const string secret = "a person chose this secret";
        var run = await fixture.Server.ImportAsync($$"""
            { "clients": [ { "clientId": "{{clientId}}", "clientSecret": "{{secret}}", "grantTypes": ["client_credentials"], "scopes": ["api"] } ] }
            """);
        Assert.Equal(0, run.ExitCode);

        var response = await RequestAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertSlowHash(await StoredSecretAsync(clientId));
        Assert.Equal("invalid_client", (await RequestAsync(clientId, secret + "!")).Error);
    }

    [Fact]
    public async Task RequestToken_IssuesToken_WhenSecretWasStoredWithPbkdf2Before()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertSlowHash(await StoredSecretAsync(OidcServerFixture.ConfidentialClientId));
    }

    [Fact]
    public async Task RequestToken_IssuesToken_WhenGeneratedSecretHashIsImported()
    {
        var (source, secret) = await CreateGeneratedClientAsync();
        var clientId = "moved-" + Guid.NewGuid().ToString("N")[..8];
        var run = await fixture.Server.ImportAsync($$"""
            { "clients": [ { "clientId": "{{clientId}}", "clientSecretHash": "{{await StoredSecretAsync(source)}}", "grantTypes": ["client_credentials"], "scopes": ["api"] } ] }
            """);
        Assert.Equal(0, run.ExitCode);

        var response = await RequestAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    /// <summary>OpenIddict's format: base64 of a version byte 0x01, PRF, iteration count, salt and subkey.</summary>
    private static void AssertSlowHash(string stored)
    {
        Assert.DoesNotContain(":", stored);
        Assert.Equal(0x01, Convert.FromBase64String(stored)[0]);
    }

    /// <summary>A client registered the way the admin pages do it, with a secret the server generates.</summary>
    private Task<(string ClientId, string Secret)> CreateGeneratedClientAsync() =>
        fixture.Server.WithScopeAsync(async services =>
        {
            var clientId = "generated-" + Guid.NewGuid().ToString("N")[..8];
            var (_, secret) = await services.GetRequiredService<ClientEditor>().CreateAsync(new ClientEntry
            {
                ClientId = clientId,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                GrantTypes = ["client_credentials"],
                Scopes = ["api"],
            }, CancellationToken.None);
            return (clientId, secret!);
        });

    private Task<string> StoredSecretAsync(string clientId) =>
        fixture.Server.WithScopeAsync(async services =>
        {
            var application = await services.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId);
            return ClientSecretHashes.Get(application!)!;
        });

    private Task<TokenResponse> RequestAsync(string clientId, string secret) =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "api",
        }.WithClient(clientId, secret));
}
