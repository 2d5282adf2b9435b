using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.IntegrationTests.Operations;

/// <summary>The process settings an operator sets for proxies, pruning and stopping, checked at start.</summary>
public sealed class HostingSettingsTests
{
    [Fact]
    public void Start_UsesShutdownTimeout_WhenConfigured()
    {
        using var server = new IdentityServerFactory().With("Hosting:ShutdownTimeout", "00:00:45");
        server.CreateApiClient();

        Assert.Equal(TimeSpan.FromSeconds(45), server.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void Start_WaitsThirtySecondsForRequests_WhenShutdownTimeoutIsNotSet()
    {
        using var server = new IdentityServerFactory();
        server.CreateApiClient();

        Assert.Equal(TimeSpan.FromSeconds(30), server.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("Hosting:ShutdownTimeout", "00:00:00", "ShutdownTimeout")]
    [InlineData("Hosting:ShutdownTimeout", "01:00:00", "ShutdownTimeout")]
    [InlineData("Hosting:KnownProxies:0", "proxy.internal", "Hosting:KnownProxies")]
    [InlineData("Hosting:KnownNetworks:0", "10.0.0.0/33", "Hosting:KnownNetworks")]
    [InlineData("Pruning:Interval", "00:00:10", "Interval")]
    [InlineData("Pruning:MinimumAge", "00:05:00", "MinimumAge")]
    public void Start_FailsNamingTheSetting_WhenValueIsOutOfRange(string key, string value, string named)
    {
        using var server = new IdentityServerFactory().With(key, value);

        var failure = Assert.Throws<OptionsValidationException>(() => server.CreateApiClient());
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
