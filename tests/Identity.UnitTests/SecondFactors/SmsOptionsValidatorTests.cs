using Identity.Server.Features.SecondFactors.Sms;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Identity.UnitTests.SecondFactors;

/// <summary>Start-up checks of the text message settings.</summary>
public sealed class SmsOptionsValidatorTests
{
    private static SmsOptionsValidator Validator(string environment) => new(new Environment { EnvironmentName = environment });

    [Fact]
    public void Validate_Fails_WhenOutboxWouldBeUsedInProduction() =>
        Assert.True(Validator("Production").Validate(null, new SmsOptions()).Failed);

    [Fact]
    public void Validate_Succeeds_WhenOutboxIsAllowedInProduction() =>
        Assert.True(Validator("Production").Validate(null, new SmsOptions { AllowOutboxInProduction = true }).Succeeded);

    [Fact]
    public void Validate_Succeeds_WhenOutboxIsUsedInDevelopment() =>
        Assert.True(Validator("Development").Validate(null, new SmsOptions()).Succeeded);

    [Fact]
    public void Validate_Fails_WhenTwilioHasNoTokenOrSender()
    {
        var result = Validator("Development").Validate(null, new SmsOptions { Twilio = { AccountSid = "AC123" } });
        Assert.True(result.Failed);
        Assert.Contains("AuthToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("From", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Fails_WhenApiBaseUrlIsPlainHttpElsewhere() =>
        Assert.True(Validator("Production").Validate(null, new SmsOptions
        {
            Twilio = { AccountSid = "AC123", AuthToken = "t", From = "+15005550006", ApiBaseUrl = new Uri("http://twilio.example/") },
        }).Failed);

    [Fact]
    public void Validate_Fails_WhenTimeoutIsOutOfRange() =>
        Assert.True(Validator("Development").Validate(null, new SmsOptions { Twilio = { Timeout = TimeSpan.FromMinutes(5) } }).Failed);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
