using Identity.Server.Features.Audit;
using Identity.Server.Features.Operations.Metrics;
using Identity.Server.Features.Operations.Pruning;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.UnitTests.Operations;

/// <summary>Settings for proxies, shutdown, metrics and pruning are refused at start when out of range.</summary>
public sealed class OperationsOptionsValidationTests
{
    [Theory]
    [InlineData("Hosting:ShutdownTimeout", "00:00:00", "ShutdownTimeout")]
    [InlineData("Hosting:ShutdownTimeout", "01:00:00", "ShutdownTimeout")]
    [InlineData("Hosting:KnownProxies:0", "proxy.internal", "Hosting:KnownProxies")]
    [InlineData("Hosting:KnownNetworks:0", "10.0.0.0/33", "Hosting:KnownNetworks")]
    public void Validate_RefusesHostingSetting_WhenOutOfRange(string key, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<HostingOptions>(builder => builder.AddForwardedHeadersFromProxies(), (key, value)));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/99")]
    [InlineData("metrics.internal")]
    public void Validate_RefusesAllowedNetwork_WhenItIsNotANetwork(string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Resolve<MetricsOptions>(builder => builder.AddMetrics(), ("Metrics:AllowedNetworks:0", value)));

        Assert.Contains("Metrics:AllowedNetworks", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedNetworks_ArePrivateRanges_WhenNotSet()
    {
        var options = Resolve<MetricsOptions>(builder => builder.AddMetrics());

        Assert.Equal(MetricsOptions.DefaultAllowedNetworks, options.EffectiveAllowedNetworks);
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData("Pruning:Interval", "00:00:10", "Interval")]
    [InlineData("Pruning:Interval", "2.00:00:00", "Interval")]
    [InlineData("Pruning:MinimumAge", "00:05:00", "MinimumAge")]
    [InlineData("Pruning:MinimumAge", "400.00:00:00", "MinimumAge")]
    public void Validate_RefusesPruningSetting_WhenOutOfRange(string key, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<PruningOptions>(builder => builder.AddPruning(), (key, value)));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pruning_KeepsOpenIddictDefaults_WhenNotSet()
    {
        var options = Resolve<PruningOptions>(builder => builder.AddPruning());

        Assert.Equal(TimeSpan.FromDays(14), options.MinimumAge);
        Assert.Equal(TimeSpan.FromHours(1), options.Interval);
    }

    private static T Resolve<T>(Action<WebApplicationBuilder> add, params (string Key, string Value)[] settings)
        where T : class
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        if (typeof(T) == typeof(MetricsOptions))
        {
            builder.AddAudit();
        }

        add(builder);
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
