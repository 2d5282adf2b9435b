using Identity.Server.Features.Operations.Metrics;

namespace Identity.UnitTests.Operations;

/// <summary>Label values come from fixed lists, so recorded input cannot create new series.</summary>
public sealed class MetricLabelsTests
{
    [Theory]
    [InlineData("pwd", "pwd")]
    [InlineData("pwd sms mfa", "pwd+sms")]
    [InlineData("hwk user mfa", "hwk+user")]
    [InlineData("pwd otp mfa", "pwd+otp")]
    [InlineData("pwd <script>", "pwd+other")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    public void Amr_JoinsKnownValuesWithoutMfa_WhenSessionMethodsAreGiven(string? amr, string expected) =>
        Assert.Equal(expected, MetricLabels.Amr(amr));

    [Theory]
    [InlineData("sms", "sms")]
    [InlineData("passkey", "passkey")]
    [InlineData("recovery", "recovery")]
    [InlineData("SMS", "other")]
    [InlineData("anything-a-visitor-typed", "other")]
    public void Method_KeepsOnlyKnownMethods_WhenValueIsRecorded(string value, string expected) =>
        Assert.Equal(expected, MetricLabels.Method(value));

    [Theory]
    [InlineData("authorization_code", "authorization_code")]
    [InlineData("client_credentials", "client_credentials")]
    [InlineData("urn:ietf:params:oauth:grant-type:made-up", "other")]
    [InlineData(null, "other")]
    public void GrantType_KeepsOnlyGrantsTheServerAllows_WhenTokenIsIssued(string? value, string expected) =>
        Assert.Equal(expected, MetricLabels.GrantType(value));
}
