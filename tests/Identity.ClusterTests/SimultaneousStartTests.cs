using Identity.ClusterTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Identity.ClusterTests;

/// <summary>
/// Two nodes started at the same moment on an empty database: migrations, key creation and the
/// first-administrator link must not race into two key sets, a failed start or two live links.
/// </summary>
public abstract class SimultaneousStartTests(bool postgres) : IAsyncLifetime
{
    private Cluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await Cluster.CreateAsync(postgres);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task BothNodes_ServeOneKeySet_WhenStartedTogetherOnAnEmptyDatabase()
    {
        var a = _cluster.Start("A");
        var b = _cluster.Start("B");

        await Task.WhenAll(_cluster.WaitUntilReadyAsync(a), _cluster.WaitUntilReadyAsync(b));

        var fromA = TwoNodeFlowTests.KeyIds(await _cluster.Api(a).GetStringAsync(".well-known/jwks"));
        var fromB = TwoNodeFlowTests.KeyIds(await _cluster.Api(b).GetStringAsync(".well-known/jwks"));
        Assert.Single(fromA);
        Assert.Equal(fromA, fromB);

        await using var db = _cluster.OpenDatabase();
        Assert.Equal(2, await db.SigningKeys.CountAsync());
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task OneNode_PrintsTheSetupLink_WhenBothStartWithoutAnAdministrator()
    {
        var a = _cluster.Start("A");
        var b = _cluster.Start("B");

        await Task.WhenAll(_cluster.WaitUntilReadyAsync(a), _cluster.WaitUntilReadyAsync(b));

        var outputs = new[] { a.Output, b.Output };
        Assert.Single(outputs, output => output.Contains("https://id.test/setup/admin?token=", StringComparison.Ordinal));
        Assert.Single(outputs, output => output.Contains("The setup link printed by the first server to start stays valid until", StringComparison.Ordinal));
    }
}

/// <summary>On one SQLite file.</summary>
public sealed class SimultaneousStartOnSqliteTests() : SimultaneousStartTests(postgres: false);

/// <summary>On one PostgreSQL database.</summary>
public sealed class SimultaneousStartOnPostgresTests() : SimultaneousStartTests(postgres: true);
