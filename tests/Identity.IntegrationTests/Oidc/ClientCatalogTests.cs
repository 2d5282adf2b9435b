using System.Diagnostics;
using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.Oidc.ClientCatalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Clients and scopes are kept in memory between token requests, yet a change counts at once on the node
/// that made it: the audience of an access token (RFC 9068 §2.2, <c>aud</c>) follows a scope's resources,
/// an unknown scope is refused (RFC 6749 §5.2), and a client changed elsewhere (another node, an import) is
/// seen within a few seconds.
/// </summary>
public sealed class ClientCatalogTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task RequestToken_CarriesNewAudience_WhenScopeResourcesChangedSincePreviousToken()
    {
        var scope = "reports-" + Guid.NewGuid().ToString("N")[..8];
        var clientId = "svc-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<IOpenIddictScopeManager>().CreateAsync(new OpenIddictScopeDescriptor { Name = scope, Resources = { "first-api" } });
            await services.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = "a-secret-that-is-long-enough",
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddictConstants.Permissions.Prefixes.Scope + scope,
                },
            });
        });
        var before = await RequestAsync(clientId, scope);

        await fixture.Server.WithScopeAsync(async services =>
        {
            var scopes = services.GetRequiredService<IOpenIddictScopeManager>();
            var stored = (await scopes.FindByNameAsync(scope))!;
            var descriptor = new OpenIddictScopeDescriptor();
            await scopes.PopulateAsync(descriptor, stored);
            descriptor.Resources.Clear();
            descriptor.Resources.Add("second-api");
            await scopes.UpdateAsync(stored, descriptor);
        });
        var after = await RequestAsync(clientId, scope);

        Assert.Equal(["first-api"], new JsonWebToken(before.AccessToken).Audiences);
        Assert.Equal(["second-api"], new JsonWebToken(after.AccessToken).Audiences);
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidScope_WhenScopeDoesNotExist()
    {
        var response = await RequestAsync(OidcServerFixture.ConfidentialClientId, "api no-such-scope", OidcServerFixture.ConfidentialSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
    }

    [Fact]
    public async Task RequestToken_ReturnsInvalidClient_WhenAnotherNodeDeletedTheClient()
    {
        var clientId = "svc-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Server.CreateClientAsync(clientId, "a-secret-that-is-long-enough", clientCredentials: true);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(clientId, "api")).Status);

        // Deleted as another node would: in the database, without going through this node's managers.
        await fixture.Server.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>()
            .Set<OpenIddictEntityFrameworkCoreApplication>().Where(application => application.ClientId == clientId).ExecuteDeleteAsync());

        var waited = Stopwatch.StartNew();
        TokenResponse response;
        do
        {
            await Task.Delay(200);
            response = await RequestAsync(clientId, "api");
        }
        while (response.Status == HttpStatusCode.OK && waited.Elapsed < CatalogChangeWatcher.CheckInterval * 5);

        Assert.Equal("invalid_client", response.Error);
    }

    private Task<TokenResponse> RequestAsync(string clientId, string scope, string secret = "a-secret-that-is-long-enough") =>
        TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
        }.WithClient(clientId, secret));
}
