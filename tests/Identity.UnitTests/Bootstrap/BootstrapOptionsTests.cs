using Identity.Server.Features.Bootstrap;

namespace Identity.UnitTests.Bootstrap;

public sealed class BootstrapOptionsTests
{
    private readonly ValidateBootstrapOptions _validator = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("admin@example.com", "a long passphrase")]
    public void Validate_Succeeds_WhenBothOrNeitherAreSet(string? email, string? password) =>
        Assert.True(_validator.Validate(null, new BootstrapOptions { AdminEmail = email, AdminPassword = password }).Succeeded);

    [Theory]
    [InlineData("admin@example.com", null)]
    [InlineData(null, "a long passphrase")]
    [InlineData("admin@example.com", "")]
    public void Validate_Fails_WhenOnlyOneIsSet(string? email, string? password) =>
        Assert.Contains("Set both Bootstrap:AdminEmail and Bootstrap:AdminPassword, or neither.",
            _validator.Validate(null, new BootstrapOptions { AdminEmail = email, AdminPassword = password }).FailureMessage);

    [Fact]
    public void Validate_Fails_WhenEmailIsNotAnAddress() =>
        Assert.True(_validator.Validate(null, new BootstrapOptions { AdminEmail = "admin", AdminPassword = "a long passphrase" }).Failed);

    [Fact]
    public void ToString_HidesThePassword_WhenOptionsAreLogged() =>
        Assert.DoesNotContain("passphrase", new BootstrapOptions { AdminEmail = "a@example.com", AdminPassword = "a long passphrase" }.ToString());

    [Theory]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    [InlineData(30, "30 minutes")]
    public void Describe_SaysHowLongTheLinkWorks_WhenPrinted(int minutes, string expected) =>
        Assert.Equal(expected, ConsoleSetupLinkPublisher.Describe(TimeSpan.FromMinutes(minutes)));
}
