using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Identity.IntegrationTests.Operations;

/// <summary>The probes at /health/live and /health/ready, as an orchestrator or load balancer sees them.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly IdentityServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_Returns200Uncached_WhenServerIsReady(string path)
    {
        var response = await _server.CreateApiClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Ready_Returns503WithoutDetails_WhenDatabaseIsGone()
    {
        var api = _server.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);

        RemoveDatabase();

        var ready = await api.GetAsync("/health/ready");
        var live = await api.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_IsNotRateLimited_WhenProbedOftenFromOneAddress()
    {
        using var server = new IdentityServerFactory()
            .With("RateLimits:AccountFormsPerMinute", "1")
            .With("RateLimits:TokenRequestsPerMinute", "1");
        var api = server.CreateApiClient();

        for (var probe = 0; probe < 5; probe++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);
        }
    }

    /// <summary>Takes the database away under the running server: the SQLite file, or the PostgreSQL database.</summary>
    private void RemoveDatabase()
    {
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.Drop(_server.DataDirectory);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_server.DataDirectory, "identity.db*"))
        {
            File.Delete(file);
        }
    }
}
