using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

/// <summary>A stored client read back as an entry gives the same stored client again (export, admin edit form).</summary>
public sealed class ClientDefinitionsTests
{
    public static TheoryData<ClientEntry> Entries => new()
    {
        new ClientEntry
        {
            ClientId = "web", ClientType = "public", DisplayName = "Web", RedirectUris = ["https://app.example/cb"],
            PostLogoutRedirectUris = ["https://app.example/"], GrantTypes = ["authorization_code", "refresh_token"],
            Scopes = ["openid", "offline_access", "profile"], Consent = "implicit", RequireMfa = true, NewDevicePolicy = "Always",
        },
        new ClientEntry { ClientId = "svc", ClientType = "confidential", GrantTypes = ["client_credentials"], Scopes = ["api"], Consent = "explicit" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void ToEntry_GivesTheSameDescriptor_WhenStoredClientIsReadBack(ClientEntry entry)
    {
        var stored = ClientDescriptors.From(entry);

        var again = ClientDescriptors.From(ClientDefinitions.ToEntry(stored));

        Assert.Empty(ClientImporter.Differences(stored, again));
        Assert.Equal(stored.ClientType, again.ClientType);
    }

    [Fact]
    public void ToEntry_NamesOpenId_WhenClientUsesTheCodeFlow() =>
        Assert.Equal("openid", ClientDefinitions.ToEntry(ClientDescriptors.From(ValidationAssert.WebClient())).Scopes[0]);
}
