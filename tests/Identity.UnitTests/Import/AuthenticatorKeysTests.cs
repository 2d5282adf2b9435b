using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

/// <summary>RFC 4648 §6 base32 and the RFC 4226 §4 minimum secret length.</summary>
public sealed class AuthenticatorKeysTests
{
    [Theory]
    [InlineData("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")]
    [InlineData("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp")]
    [InlineData("JBSWY3DP-EHPK3PXP-JBSWY3DP-EHPK3PXP")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY======")]
    public void Problem_IsNone_WhenKeyIsBase32OfAtLeast128Bits(string key) => Assert.Null(AuthenticatorKeys.Problem(key));

    [Theory]
    [InlineData("JBSWY3DPEHPK3PXP", "is shorter than 128 bits")]
    [InlineData("JBSWY3DPEHPK3PX1JBSWY3DPEHPK3PXP", "is not base32")]
    [InlineData("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJ", "is not base32: its length")]
    [InlineData("", "is not base32")]
    [InlineData("   ", "is not base32")]
    public void Problem_SaysWhy_WhenKeyIsUnusable(string key, string problem) =>
        Assert.StartsWith(problem, AuthenticatorKeys.Problem(key));

    [Fact]
    public void Normalize_GivesIdentityForm_WhenKeyHasSpacesLowercaseAndPadding() =>
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY", AuthenticatorKeys.Normalize("gezd-gnbv gy3t qojq gezd gnbv gy======"));
}
