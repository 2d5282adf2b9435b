using Identity.Server.Features.Import;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.UnitTests.Import;

/// <summary>The mapping from a client entry to OpenIddict's client type, consent type, permissions and requirements.</summary>
public sealed class ClientDescriptorsTests
{
    [Fact]
    public void From_GivesCodeFlowPermissionsAndPkce_WhenClientUsesAuthorizationCode()
    {
        var descriptor = ClientDescriptors.From(ValidationAssert.WebClient() with
        {
            Scopes = ["openid", "profile", "email", "phone", "roles", "offline_access", "api"],
            Consent = "implicit",
        });

        Assert.Equal(ClientTypes.Public, descriptor.ClientType);
        Assert.Null(descriptor.ClientSecret);
        Assert.Equal(ConsentTypes.Implicit, descriptor.ConsentType);
        Assert.Equal(
            new[]
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone, Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess, Permissions.Prefixes.Scope + "api",
            }.Order(),
            descriptor.Permissions.Order());
        Assert.Equal([Requirements.Features.ProofKeyForCodeExchange], descriptor.Requirements);
        Assert.Equal([new Uri("https://app.example/callback")], descriptor.RedirectUris);
    }

    [Fact]
    public void From_GivesNoOpenIdPermission_WhenClientAsksForOpenId() =>
        Assert.DoesNotContain(ClientDescriptors.From(ValidationAssert.WebClient()).Permissions, permission => permission.EndsWith("openid", StringComparison.Ordinal));

    [Fact]
    public void From_GivesConfidentialTokenOnlyClient_WhenClientUsesClientCredentials()
    {
        var descriptor = ClientDescriptors.From(new ClientEntry
        {
            ClientId = "svc", ClientSecret = "0123456789abcdef", GrantTypes = ["client_credentials"], Scopes = ["api"],
        });

        Assert.Equal(ClientTypes.Confidential, descriptor.ClientType);
        Assert.Equal("0123456789abcdef", descriptor.ClientSecret);
        Assert.Equal(
            new[]
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "api",
            }.Order(),
            descriptor.Permissions.Order());
        Assert.DoesNotContain(Permissions.Endpoints.Authorization, descriptor.Permissions);
        Assert.Empty(descriptor.Requirements);
    }

    [Fact]
    public void From_AsksForExplicitConsent_WhenConsentIsLeftOut() =>
        Assert.Equal(ConsentTypes.Explicit, ClientDescriptors.From(ValidationAssert.WebClient() with { Consent = null }).ConsentType);

    [Fact]
    public void Differences_NamesChangedFields_WhenStoredClientDiffers()
    {
        var stored = ClientDescriptors.From(ValidationAssert.WebClient());
        var desired = ClientDescriptors.From(ValidationAssert.WebClient() with
        {
            DisplayName = "Renamed",
            RedirectUris = ["https://app.example/other"],
            Scopes = ["openid"],
        });

        Assert.Equal(["displayName", "redirectUris", "permissions"], ClientImporter.Differences(stored, desired));
        Assert.Empty(ClientImporter.Differences(stored, ClientDescriptors.From(ValidationAssert.WebClient())));
    }
}
