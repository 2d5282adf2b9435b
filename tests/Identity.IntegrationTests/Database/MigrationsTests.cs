using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Identity.IntegrationTests.Database;

/// <summary>
/// The committed migrations of both engines describe the model the server builds (with its Identity
/// settings), whichever engine this run uses: a model change without a migration for each engine fails here.
/// </summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly IdentityServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Migrations_MatchTheModel_WhenEngineIsSqlite()
    {
        using var db = new SqliteApplicationDbContext(new DbContextOptionsBuilder<SqliteApplicationDbContext>()
            .UseSqlite("Data Source=:memory:").UseOpenIddict().UseApplicationServiceProvider(_server.Services).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations lag the model: add one with dotnet ef migrations add (README).");
    }

    [Fact]
    public void Migrations_MatchTheModel_WhenEngineIsPostgres()
    {
        using var db = new PostgresApplicationDbContext(new DbContextOptionsBuilder<PostgresApplicationDbContext>()
            .UseNpgsql("Host=localhost").UseOpenIddict().UseApplicationServiceProvider(_server.Services).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag the model: add one with dotnet ef migrations add (README).");
    }

    [Fact]
    public void SqliteMigrations_KeepTheirIds_WhenDatabaseWasCreatedBeforeThereWereTwoEngines()
    {
        using var db = new SqliteApplicationDbContext(new DbContextOptionsBuilder<SqliteApplicationDbContext>()
            .UseSqlite("Data Source=:memory:").UseOpenIddict().UseApplicationServiceProvider(_server.Services).Options);

        // Databases record these ids in __EFMigrationsHistory; a new id would be applied again on them.
        Assert.Equal(
            ["20261125133621_InitialSchema", "20261125142306_SecondFactors", "20261125143852_NewDevices", "20261125151106_AdminAndAudit"],
            db.Database.GetMigrations().Take(4));
    }
}
