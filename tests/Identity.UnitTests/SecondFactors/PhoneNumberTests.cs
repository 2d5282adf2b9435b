using Identity.Server.Features.SecondFactors.Phone;

namespace Identity.UnitTests.SecondFactors;

/// <summary>Normalizing typed numbers to E.164 mobile numbers, and masking them.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("06 1234 5678", "NL", "+31612345678")]
    [InlineData("+31 6 12345678", "NL", "+31612345678")]
    [InlineData("0031612345678", "NL", "+31612345678")]
    [InlineData("+44 7400 123456", "NL", "+447400123456")]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    public void Normalize_GivesE164_WhenNumberIsMobile(string input, string region, string expected)
    {
        var (number, problem) = PhoneNumberNormalizer.Normalize(input, region);
        Assert.Equal(PhoneNumberProblem.None, problem);
        Assert.Equal(expected, number!.E164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("06 1234")]
    [InlineData("+31 6 1234 5678 9999")]
    public void Normalize_SaysInvalid_WhenNumberIsNotANumber(string input) =>
        Assert.Equal(PhoneNumberProblem.Invalid, PhoneNumberNormalizer.Normalize(input, "NL").Problem);

    [Theory]
    [InlineData("020 123 4567")]
    [InlineData("0900 123 4567")]
    public void Normalize_SaysNotMobile_WhenNumberIsLandlineOrPremium(string input) =>
        Assert.Equal(PhoneNumberProblem.NotMobile, PhoneNumberNormalizer.Normalize(input, "NL").Problem);

    [Fact]
    public void ForDisplay_ShowsOnlyLastTwoDigits() => Assert.Equal("••• ••• •• 78", PhoneMask.ForDisplay("+31612345678"));

    [Fact]
    public void ForLog_ShowsCountryCodeAndLastThree() => Assert.Equal("+31•••••678", PhoneMask.ForLog("+31612345678"));

    [Fact]
    public void MobileNumber_PrintsMasked() => Assert.DoesNotContain("612345", new MobileNumber("+31612345678").ToString(), StringComparison.Ordinal);
}
