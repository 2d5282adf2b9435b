using Identity.Server.Features.Import;
using static Identity.UnitTests.Import.ValidationAssert;

namespace Identity.UnitTests.Import;

/// <summary>The fields the export writes beyond the original format: clientType, clientSecretHash, requireMfa,
/// newDevicePolicy and passwordHash.</summary>
public sealed class ExportedFieldsRulesTests
{
    private static readonly string Hash = Convert.ToBase64String([0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x86, 0xA0]);

    [Fact]
    public void Validate_AcceptsConfidentialWithoutSecret_WhenDatabaseHasThatConfidentialClient() =>
        Assert.Empty(ImportValidator.Validate(
            Clients(new ClientEntry { ClientId = "svc", ClientType = "confidential", GrantTypes = ["client_credentials"] }),
            new HashSet<string>(), new HashSet<string> { "svc" }).Problems);

    [Fact]
    public void Validate_AsksForSecret_WhenConfidentialClientIsNew() =>
        Assert.Contains(
            "clients[0] (clientId \"svc\"): clientType \"confidential\" needs a clientSecret or clientSecretHash: no confidential client with this clientId has a secret to keep",
            Problems(Clients(new ClientEntry { ClientId = "svc", ClientType = "confidential", GrantTypes = ["client_credentials"] })));

    [Fact]
    public void Validate_AcceptsSecretHash_WhenItIsBase64() =>
        Assert.Empty(Problems(Clients(new ClientEntry { ClientId = "svc", ClientSecretHash = Hash, GrantTypes = ["client_credentials"] })));

    [Fact]
    public void Validate_AcceptsSecretHash_WhenItIsAGeneratedSecretsSha256() =>
        Assert.Empty(Problems(Clients(new ClientEntry
        {
            ClientId = "svc",
            ClientSecretHash = Identity.Server.Features.Oidc.ClientAuthentication.GeneratedSecretHash.Compute("a generated secret"),
            GrantTypes = ["client_credentials"],
        })));

    [Theory]
    [InlineData("secret-of-sixteen-chars", "AQID", "clientSecret and clientSecretHash are both given; give one")]
    [InlineData(null, "not base64!", "clientSecretHash is not a stored secret hash")]
    [InlineData(null, "sha256:AQID", "clientSecretHash is not a stored secret hash")]
    public void Validate_RefusesSecretHash_WhenItCannotBeStored(string? secret, string hash, string message) =>
        Assert.Contains(message, string.Join("\n", Problems(Clients(WebClient() with { ClientSecret = secret, ClientSecretHash = hash }))));

    [Theory]
    [InlineData("public", "0123456789abcdef", "clientType \"public\" cannot have a secret")]
    [InlineData("private", null, "clientType \"private\" is not one of public, confidential")]
    public void Validate_RefusesClientType_WhenItContradictsTheSecret(string clientType, string? secret, string message) =>
        Assert.Contains(message, string.Join("\n", Problems(Clients(WebClient() with { ClientType = clientType, ClientSecret = secret }))));

    [Fact]
    public void Validate_RefusesRequireMfa_WhenClientHasNoUsers() =>
        Assert.Contains("requireMfa needs authorization_code", string.Join("\n", Problems(Clients(
            new ClientEntry { ClientId = "svc", ClientSecret = "0123456789abcdef", GrantTypes = ["client_credentials"], RequireMfa = true }))));

    [Theory]
    [InlineData("Always", true)]
    [InlineData("NewDevice", true)]
    [InlineData("always", false)]
    [InlineData("Sometimes", false)]
    public void Validate_ChecksNewDevicePolicy_WhenGiven(string policy, bool accepted) =>
        Assert.Equal(accepted, !Problems(Clients(WebClient() with { NewDevicePolicy = policy })).Any());

    [Fact]
    public void Validate_AcceptsPasswordHash_WhenItIsAnIdentityHash() =>
        Assert.Empty(Problems(Users(new UserEntry { Email = "a@example.com", PasswordHash = Hash })));

    [Theory]
    [InlineData("a long enough password", "password and passwordHash are both given; give one")]
    [InlineData(null, "passwordHash is not an ASP.NET Core Identity password hash")]
    public void Validate_RefusesPasswordHash_WhenItCannotBeStored(string? password, string message) =>
        Assert.Contains(message, string.Join("\n", Problems(Users(new UserEntry
        {
            Email = "a@example.com",
            Password = password,
            PasswordHash = password is null ? Convert.ToBase64String([0x07, 0x01]) : Hash,
        }))));
}
