using Identity.Server.Data;
using Identity.Server.Features.SecondFactors;

namespace Identity.UnitTests.SecondFactors;

/// <summary>RFC 8176 amr values per method, and which method the sign-in asks for first.</summary>
public sealed class SecondFactorMethodTests
{
    [Theory]
    [InlineData(SecondFactorMethod.Sms, "sms")]
    [InlineData(SecondFactorMethod.Email, "otp")]
    [InlineData(SecondFactorMethod.Authenticator, "otp")]
    [InlineData(SecondFactorMethod.RecoveryCode, "rec")]
    public void Amr_IsRfc8176Value(SecondFactorMethod method, string amr) => Assert.Equal(amr, method.Amr());

    [Theory]
    [InlineData("sms", SecondFactorMethod.Sms)]
    [InlineData("EMAIL", SecondFactorMethod.Email)]
    [InlineData("authenticator", SecondFactorMethod.Authenticator)]
    [InlineData("recovery", SecondFactorMethod.RecoveryCode)]
    public void Parse_ReadsStoredName(string name, SecondFactorMethod expected) => Assert.Equal(expected, SecondFactorMethods.Parse(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("voice")]
    public void Parse_GivesNull_WhenNameIsUnknown(string? name) => Assert.Null(SecondFactorMethods.Parse(name));

    [Fact]
    public void Default_IsChosenMethod_WhenItIsAvailable()
    {
        var user = new ApplicationUser { TwoFactorMethod = "authenticator" };
        Assert.Equal(SecondFactorMethod.Authenticator, SecondFactorChoices.Default(user, [new(SecondFactorMethod.Sms), new(SecondFactorMethod.Authenticator)]));
    }

    [Fact]
    public void Default_IsFirstAvailable_WhenChosenMethodIsGone()
    {
        var user = new ApplicationUser { TwoFactorMethod = "sms" };
        Assert.Equal(SecondFactorMethod.Email, SecondFactorChoices.Default(user, [new(SecondFactorMethod.Email), new(SecondFactorMethod.RecoveryCode)]));
    }

    [Fact]
    public void Default_IsNeverRecoveryCode_WhenAnotherMethodExists()
    {
        var user = new ApplicationUser { TwoFactorMethod = "recovery" };
        Assert.Equal(SecondFactorMethod.Sms, SecondFactorChoices.Default(user, [new(SecondFactorMethod.Sms), new(SecondFactorMethod.RecoveryCode)]));
    }

    [Fact]
    public void Default_IsNull_WhenNothingIsSetUp() => Assert.Null(SecondFactorChoices.Default(new ApplicationUser(), []));

    [Fact]
    public void IsMultiFactor_IsTrue_OnlyWithMfa()
    {
        Assert.True(SecondFactorMethods.IsMultiFactor(["pwd", "sms", "mfa"]));
        Assert.False(SecondFactorMethods.IsMultiFactor(["pwd", "sms"]));
    }
}
