using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.IntegrationTests.Operations;

/// <summary>The shutdown timeout reaches the host.</summary>
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
}
