using System.Text;
using Identity.Server.Features.SecondFactors.Authenticator;

namespace Identity.UnitTests.SecondFactors;

/// <summary>RFC 6238 codes (Appendix B vectors, SHA-1), clock drift of one step, and base32 keys.</summary>
public sealed class TotpTests
{
    private static readonly byte[] Rfc6238Key = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Compute_MatchesRfc6238Vectors_WhenSha1(long unixTime, string expected) =>
        Assert.Equal(expected, Totp.Compute(Rfc6238Key, Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixTime))));

    [Fact]
    public void Match_AcceptsCode_WhenClockIsOneStepOff()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.TimeStep(now);
        Assert.Equal(step - 1, Totp.Match(Rfc6238Key, Totp.Compute(Rfc6238Key, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(Rfc6238Key, Totp.Compute(Rfc6238Key, step + 1), now));
    }

    [Fact]
    public void Match_RefusesCode_WhenClockIsTwoStepsOff()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.TimeStep(now);
        Assert.Null(Totp.Match(Rfc6238Key, Totp.Compute(Rfc6238Key, step - 2), now));
        Assert.Null(Totp.Match(Rfc6238Key, Totp.Compute(Rfc6238Key, step + 2), now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Match_RefusesMalformedCode(string? code) =>
        Assert.Null(Totp.Match(Rfc6238Key, code, DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void Base32_RoundTrips_WhenKeyIsRandom()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(20);
        var encoded = Base32.Encode(key);
        Assert.Equal(32, encoded.Length);
        Assert.Equal(key, Base32.Decode(encoded.ToLowerInvariant()));
        Assert.Equal(key, Base32.Decode(AuthenticatorKeys.Readable(encoded)));
    }

    [Fact]
    public void Base32_MatchesRfc4648Vector() => Assert.Equal("MZXW6YTBOI", Base32.Encode("foobar"u8));

    [Fact]
    public void Base32_RefusesText_WhenNotBase32() => Assert.Null(Base32.Decode("ABC1"));

    [Fact]
    public void Readable_GroupsKeyInFours() => Assert.Equal("ABCD EFGH IJ", AuthenticatorKeys.Readable("ABCDEFGHIJ"));
}
