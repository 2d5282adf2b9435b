using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.UnitTests.Email;

/// <summary>Email settings are checked at start, through the same registration the server uses.</summary>
public sealed class EmailOptionsValidationTests
{
    [Fact]
    public void Validate_RefusesOutbox_WhenEnvironmentIsProduction()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Production"));

        Assert.Contains("Email:Smtp:Host is not set", failure.Message);
        Assert.Contains("Email:AllowOutboxInProduction", failure.Message);
    }

    [Fact]
    public void Validate_AllowsOutbox_WhenProductionAllowsItExplicitly()
    {
        var options = Resolve("Production", ("Email:AllowOutboxInProduction", "true"));

        Assert.True(options.AllowOutboxInProduction);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Validate_AllowsOutbox_WhenEnvironmentIsNotProduction(string environment)
    {
        Assert.Null(Resolve(environment).Smtp.Host);
    }

    [Fact]
    public void Validate_AcceptsSmtp_WhenHostAndFromAreSet()
    {
        var options = Resolve("Production", ("Email:Smtp:Host", "smtp.example.com"), ("Email:Smtp:From", "id@example.com"),
            ("Email:Smtp:Security", "SslOnConnect"), ("Email:Smtp:Port", "465"));

        Assert.Equal(SmtpSecurity.SslOnConnect, options.Smtp.Security);
        Assert.Equal(465, options.Smtp.Port);
        Assert.Equal(2, options.Smtp.Retries);
    }

    [Fact]
    public void Validate_RequiresFrom_WhenHostIsSet()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Development", ("Email:Smtp:Host", "smtp.example.com")));

        Assert.Contains("Email:Smtp:From is required", failure.Message);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Identity <id@example.com>")]
    public void Validate_RefusesFrom_WhenItIsNotAPlainAddress(string from)
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Resolve("Development", ("Email:Smtp:Host", "smtp.example.com"), ("Email:Smtp:From", from)));

        Assert.Contains("Email:Smtp:From must be a plain email address", failure.Message);
    }

    [Fact]
    public void Validate_RequiresPassword_WhenUserNameIsSet()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Development",
            ("Email:Smtp:Host", "smtp.example.com"), ("Email:Smtp:From", "id@example.com"), ("Email:Smtp:UserName", "id")));

        Assert.Contains("Email:Smtp:Password is required", failure.Message);
    }

    [Theory]
    [InlineData("Email:Smtp:Port", "0")]
    [InlineData("Email:Smtp:Port", "70000")]
    [InlineData("Email:Smtp:Retries", "6")]
    [InlineData("Email:Smtp:Timeout", "00:10:00")]
    public void Validate_RefusesNestedSmtpSetting_WhenOutOfRange(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Resolve("Development", ("Email:Smtp:Host", "smtp.example.com"), ("Email:Smtp:From", "id@example.com"), (key, value)));

        Assert.Contains(key.Split(':').Last(), failure.Message);
    }

    private static EmailOptions Resolve(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.AddEmail();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<EmailOptions>>().Value;
    }
}
