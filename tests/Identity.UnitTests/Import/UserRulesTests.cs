using Identity.Server.Features.Import;
using static Identity.UnitTests.Import.ValidationAssert;

namespace Identity.UnitTests.Import;

public sealed class UserRulesTests
{
    private static readonly UserEntry Alice = new() { Email = "alice@example.com", Password = "correct horse battery staple" };

    [Fact]
    public void Validate_FindsNoProblem_WhenUserIsComplete() =>
        Assert.Empty(Problems(Users(Alice with
        {
            PhoneNumber = "+31612345678", PhoneNumberConfirmed = true, Roles = ["admin"], TwoFactorEnabled = true,
            TwoFactorMethod = "authenticator", AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        })));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("alice@")]
    [InlineData(" alice@example.com")]
    public void Validate_RefusesEmail_WhenNotAnAddress(string email) =>
        Assert.Contains("email is not a valid email address", string.Join("\n", Problems(Users(Alice with { Email = email }))));

    [Fact]
    public void Validate_MasksEmailInLabel_WhenNamingTheEntry() =>
        Assert.Equal(["users[1] (email \"A•••@example.com\"): email appears more than once in the file"],
            Problems(Users(Alice, Alice with { Email = "ALICE@example.com" })));

    [Fact]
    public void Validate_RefusesEmptyPassword_WhenPasswordIsBlank() =>
        Assert.Contains("password is empty", string.Join("\n", Problems(Users(Alice with { Password = "" }))));

    [Fact]
    public void Validate_AcceptsUser_WhenPasswordIsLeftOut() =>
        Assert.Empty(Problems(Users(Alice with { Password = null })));

    [Theory]
    [InlineData("+31612345678")]
    [InlineData("+12025550123")]
    [InlineData("+12345678")]
    [InlineData("+123456789012345")]
    public void IsE164_IsTrue_WhenPlusAndEightToFifteenDigits(string number) => Assert.True(UserRules.IsE164(number));

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+31 6 12345678")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+31-612345678")]
    [InlineData("")]
    public void IsE164_IsFalse_WhenNotE164(string number) => Assert.False(UserRules.IsE164(number));

    [Fact]
    public void Validate_RefusesPhoneNumber_WhenNotE164() =>
        Assert.Contains("users[0] (email \"a•••@example.com\"): phoneNumber is not in E.164 form (a + followed by 8 to 15 digits, no spaces)",
            Problems(Users(Alice with { PhoneNumber = "06 12345678" })));

    [Fact]
    public void Validate_RefusesConfirmedPhone_WhenNoNumberIsGiven() =>
        Assert.Contains("phoneNumberConfirmed is true but no phoneNumber is given", string.Join("\n", Problems(Users(Alice with { PhoneNumberConfirmed = true }))));

    [Theory]
    [InlineData("")]
    [InlineData(" admin")]
    [InlineData(null)]
    public void Validate_RefusesRole_WhenNameIsBlankOrPadded(string? role) =>
        Assert.Contains("roles[0]", string.Join("\n", Problems(Users(Alice with { Roles = [role] }))));

    [Fact]
    public void Validate_RefusesTwoFactorMethod_WhenUnknown() =>
        Assert.Contains("twoFactorMethod \"totp\" is not one of sms, email, authenticator", string.Join("\n", Problems(Users(Alice with { TwoFactorMethod = "totp" }))));

    [Fact]
    public void Validate_RequiresKey_WhenMethodIsAuthenticator() =>
        Assert.Contains("twoFactorMethod \"authenticator\" needs an authenticatorKey", string.Join("\n", Problems(Users(Alice with { TwoFactorMethod = "authenticator" }))));

    [Fact]
    public void Validate_RequiresPhone_WhenMethodIsSms() =>
        Assert.Contains("twoFactorMethod \"sms\" needs a phoneNumber", string.Join("\n", Problems(Users(Alice with { TwoFactorMethod = "sms" }))));

    [Fact]
    public void Validate_AcceptsMethodWithoutWarning_WhenMethodIsValid()
    {
        var file = Users(Alice with { TwoFactorMethod = "email" });

        Assert.Empty(Problems(file));
        Assert.Empty(Warnings(file));
    }

    [Fact]
    public void Validate_NeverEchoesTheKey_WhenAuthenticatorKeyIsRefused()
    {
        var problems = Problems(Users(Alice with { AuthenticatorKey = "SECRETKEY0189" }));

        Assert.Contains("users[0] (email \"a•••@example.com\"): authenticatorKey is not base32 (letters A–Z and digits 2–7)", problems);
        Assert.DoesNotContain("SECRETKEY", string.Join("\n", problems));
    }
}
