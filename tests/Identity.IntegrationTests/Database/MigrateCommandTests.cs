using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Database;

/// <summary>
/// <c>Identity.Server migrate</c> on the suite's engine, as deployments that set
/// <c>Database:MigrateOnStart</c> to false run it, and as two nodes starting together do.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly ServerProcess _process = new();

    public void Dispose() => _process.Dispose();

    [Fact]
    public async Task MigrateCommand_SucceedsOnBothNodes_WhenTwoStartAtOnceOnAnEmptyServer()
    {
        // No database at all: both nodes find it missing, and on PostgreSQL both try to create it.
        TestDatabase.Drop(_process.DataDirectory);

        var runs = await Task.WhenAll(_process.RunAsync("migrate"), _process.RunAsync("migrate"));
        var again = await _process.RunAsync("migrate");

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.All(runs, run => Assert.Contains("The database is up to date.", run.Output));
        Assert.True(again.ExitCode == 0, again.ToString());
        await using var server = new IdentityServerFactory(_process.DataDirectory).With("Database:MigrateOnStart", "false");
        var (applied, known) = await server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            return ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList());
        });
        Assert.Equal(known, applied);
        var discovery = await server.CreateApiClient().GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }
}
