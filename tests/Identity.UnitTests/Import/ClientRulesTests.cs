using Identity.Server.Features.Import;
using static Identity.UnitTests.Import.ValidationAssert;

namespace Identity.UnitTests.Import;

public sealed class ClientRulesTests
{
    [Fact]
    public void Validate_FindsNoProblem_WhenClientIsComplete() =>
        Assert.Empty(Problems(Clients(WebClient())));

    [Fact]
    public void Validate_NamesMissingClientId_WhenClientIdIsAbsent() =>
        Assert.Contains("clients[0]: clientId is missing", Problems(Clients(WebClient() with { ClientId = null })));

    [Fact]
    public void Validate_NamesSecondEntry_WhenClientIdRepeats() =>
        Assert.Equal(["clients[1] (clientId \"web\"): clientId appears more than once in the file"], Problems(Clients(WebClient(), WebClient())));

    [Fact]
    public void Validate_RefusesClientCredentials_WhenClientIsPublic() =>
        Assert.Contains(
            "clients[0] (clientId \"svc\"): client_credentials needs a clientSecret: a public client cannot authenticate itself",
            Problems(Clients(new ClientEntry { ClientId = "svc", GrantTypes = ["client_credentials"] })));

    [Fact]
    public void Validate_AcceptsClientCredentials_WhenClientHasSecret() =>
        Assert.Empty(Problems(Clients(new ClientEntry { ClientId = "svc", ClientSecret = "0123456789abcdef", GrantTypes = ["client_credentials"], Scopes = ["api"] }), "api"));

    [Fact]
    public void Validate_RefusesShortSecret_WhenSecretIsGuessable() =>
        Assert.Contains("clientSecret is shorter than 16 characters", string.Join("\n", Problems(Clients(WebClient() with { ClientSecret = "secret" }))));

    [Theory]
    [InlineData("password")]
    [InlineData("implicit")]
    [InlineData("Authorization_Code")]
    public void Validate_RefusesGrantType_WhenUnknown(string grantType) =>
        Assert.Contains(
            $"clients[0] (clientId \"web\"): grantTypes[2] \"{grantType}\" is not one of authorization_code, refresh_token, client_credentials",
            Problems(Clients(WebClient() with { GrantTypes = ["authorization_code", "refresh_token", grantType] })));

    [Fact]
    public void Validate_RefusesEmptyGrantTypes_WhenNoneAreGiven() =>
        Assert.Contains("grantTypes is empty", string.Join("\n", Problems(Clients(new ClientEntry { ClientId = "x" }))));

    [Fact]
    public void Validate_RefusesRefreshTokenAlone_WhenAuthorizationCodeIsMissing() =>
        Assert.Contains("refresh_token needs authorization_code", string.Join("\n",
            Problems(Clients(new ClientEntry { ClientId = "x", ClientSecret = "0123456789abcdef", GrantTypes = ["refresh_token", "client_credentials"] }))));

    [Fact]
    public void Validate_RequiresRedirectUri_WhenCodeFlowIsAllowed() =>
        Assert.Contains("clients[0] (clientId \"web\"): authorization_code needs at least one redirectUris entry",
            Problems(Clients(WebClient() with { RedirectUris = [] })));

    [Fact]
    public void Validate_RefusesRedirectUris_WhenCodeFlowIsNotAllowed() =>
        Assert.Contains("only used with authorization_code", string.Join("\n", Problems(Clients(new ClientEntry
        {
            ClientId = "svc", ClientSecret = "0123456789abcdef", GrantTypes = ["client_credentials"], RedirectUris = ["https://a.example/cb"],
        }))));

    [Fact]
    public void Validate_RefusesUnknownScope_WhenNotStandardDeclaredOrStored() =>
        Assert.Contains(
            "clients[0] (clientId \"web\"): scopes[1] \"orders\" is neither a standard scope nor declared in scopes nor in the database",
            Problems(Clients(WebClient() with { Scopes = ["openid", "orders"] })));

    [Fact]
    public void Validate_AcceptsScope_WhenDeclaredInTheFile() =>
        Assert.Empty(Problems(new ImportFile { Scopes = [new ScopeEntry { Name = "orders" }], Clients = [WebClient() with { Scopes = ["openid", "orders"] }] }));

    [Fact]
    public void Validate_AcceptsScope_WhenAlreadyInTheDatabase() =>
        Assert.Empty(Problems(Clients(WebClient() with { Scopes = ["orders"] }), "orders"));

    [Fact]
    public void Validate_RefusesOfflineAccess_WhenRefreshTokenIsNotAllowed() =>
        Assert.Contains("clients[0] (clientId \"web\"): scopes[0] \"offline_access\" needs the refresh_token grant type",
            Problems(Clients(WebClient() with { GrantTypes = ["authorization_code"], Scopes = ["offline_access"] })));

    [Theory]
    [InlineData("implicit")]
    [InlineData("explicit")]
    [InlineData("external")]
    [InlineData("systematic")]
    [InlineData(null)]
    public void Validate_AcceptsConsent_WhenKnownOrAbsent(string? consent) =>
        Assert.Empty(Problems(Clients(WebClient() with { Consent = consent })));

    [Fact]
    public void Validate_RefusesConsent_WhenUnknown() =>
        Assert.Contains("clients[0] (clientId \"web\"): consent \"Implicit\" is not one of implicit, explicit, external, systematic",
            Problems(Clients(WebClient() with { Consent = "Implicit" })));

    [Fact]
    public void Validate_ReportsEveryProblem_WhenOneClientHasSeveral() =>
        Assert.Equal(3, Problems(Clients(WebClient() with { RedirectUris = ["ftp://x", "http://app.example/cb"], Consent = "maybe" })).Count);

    [Fact]
    public void Validate_NamesNullEntry_WhenListHoldsNull() =>
        Assert.Equal(["clients[0]: is null; remove it or give it fields"], Problems(new ImportFile { Clients = [null] }));
}
