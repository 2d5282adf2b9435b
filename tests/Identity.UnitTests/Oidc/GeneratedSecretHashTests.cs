using Identity.Server.Features.Admin.Clients;
using Identity.Server.Features.Oidc.ClientAuthentication;

namespace Identity.UnitTests.Oidc;

/// <summary>The stored form of server-generated client secrets (RFC 6749 §2.3.1 client passwords).</summary>
public sealed class GeneratedSecretHashTests
{
    [Fact]
    public void Verify_Accepts_WhenSecretIsTheOneHashed()
    {
        var secret = ClientSecrets.Generate();

        Assert.True(GeneratedSecretHash.Verify(secret, GeneratedSecretHash.Compute(secret)));
    }

    [Fact]
    public void Verify_Refuses_WhenOneCharacterDiffers()
    {
        var secret = ClientSecrets.Generate();
        var stored = GeneratedSecretHash.Compute(secret);

        Assert.False(GeneratedSecretHash.Verify(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData("sha256:not base64!")]
    [InlineData("sha256:AAAA")]
    [InlineData("AQAAAAIAAYagAAAAEK3n")]
    public void Verify_Refuses_WhenStoredValueIsNotTheGeneratedFormat(string stored)
    {
        Assert.False(GeneratedSecretHash.Verify("anything", stored));
        Assert.False(GeneratedSecretHash.IsGeneratedFormat(stored));
    }

    [Fact]
    public void Compute_WritesMarkerAndNeverTheSecret_WhenSecretIsHashed()
    {
        var secret = ClientSecrets.Generate();

        var stored = GeneratedSecretHash.Compute(secret);

        Assert.StartsWith("sha256:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.True(GeneratedSecretHash.IsGeneratedFormat(stored));
    }
}
