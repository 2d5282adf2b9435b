using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Identity.ClusterTests.Infrastructure;

/// <summary>The one database the nodes of a cluster share: a SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class ClusterDatabase : IAsyncDisposable
{
    /// <summary>The Npgsql connection string (without a database) of a server where tests may create and drop databases.</summary>
    public const string PostgresVariable = "IDENTITY_TEST_POSTGRES";

    /// <summary>The node settings that point at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A context on the database, to check what the nodes stored.</summary>
    public abstract ApplicationDbContext Open();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static ClusterDatabase SqliteFile(string dataDirectory) => new Sqlite(Path.Combine(dataDirectory, "identity.db"));

    /// <summary>A new database on the server <see cref="PostgresVariable"/> names; fails when it is not set.</summary>
    public static async Task<ClusterDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.False(string.IsNullOrWhiteSpace(server),
            $"{PostgresVariable} is not set: give an Npgsql connection string to a PostgreSQL server where the tests may create databases, "
            + "e.g. Host=127.0.0.1;Port=5432;Username=postgres (scripts/test.sh starts one).");

        var name = "identity_cluster_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(TestDatabase.MaintenanceConnectionString(server!));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new Postgres(server!, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString, name);
    }

    private sealed class Sqlite(string file) : ClusterDatabase
    {
        public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

        public override ApplicationDbContext Open() =>
            new SqliteApplicationDbContext(new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite($"Data Source={file};Pooling=False").UseOpenIddict().Options);
    }

    private sealed class Postgres(string server, string connectionString, string name) : ClusterDatabase
    {
        public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Identity"] = connectionString,
        };

        public override ApplicationDbContext Open() =>
            new PostgresApplicationDbContext(new DbContextOptionsBuilder<PostgresApplicationDbContext>().UseNpgsql(connectionString).UseOpenIddict().Options);

        public override async ValueTask DisposeAsync()
        {
            await using var connection = new NpgsqlConnection(TestDatabase.MaintenanceConnectionString(server));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
