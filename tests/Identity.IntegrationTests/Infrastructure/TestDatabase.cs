using System.Security.Cryptography;
using System.Text;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The database engine the suite runs on: SQLite files by default; PostgreSQL when
/// <c>IDENTITY_TEST_DATABASE=Postgres</c>, on the server <c>IDENTITY_TEST_POSTGRES</c> names (an Npgsql
/// connection string whose role may create databases). On PostgreSQL each data folder gets a database
/// of its own, named after the folder, so a server restarted on the same folder finds its data again.
/// </summary>
public static class TestDatabase
{
    public const string EngineVariable = "IDENTITY_TEST_DATABASE";
    public const string PostgresVariable = "IDENTITY_TEST_POSTGRES";

    public static bool IsPostgres { get; } = ReadEngine();

    /// <summary>The settings that point a server at the database of <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string dataDirectory) => IsPostgres
        ? new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Identity"] = ConnectionString(dataDirectory),
        }
        : new Dictionary<string, string>();

    public static string ConnectionString(string dataDirectory) =>
        new NpgsqlConnectionStringBuilder(Server()) { Database = Name(dataDirectory) }.ConnectionString;

    /// <summary>
    /// Creates the folder's database when it does not exist yet (PostgreSQL only), as a copy of a
    /// database migrated once per build of the server: copying a template is much faster than running
    /// the migrations for every test server. The migrate tests drop it first to migrate from nothing.
    /// </summary>
    public static void Create(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }

        var name = Name(dataDirectory);
        using var connection = OpenServer();
        if (!Exists(connection, name))
        {
            Execute(connection, $"""CREATE DATABASE "{name}" TEMPLATE "{Template.Value}" """);
        }
    }

    /// <summary>Drops the folder's database, closing the test's own connections to it (PostgreSQL only).</summary>
    public static void Drop(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(ConnectionString(dataDirectory)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            using var connection = OpenServer();
            Execute(connection, $"""DROP DATABASE IF EXISTS "{Name(dataDirectory)}" WITH (FORCE)""");
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
        {
            // A server process the role may not end (a vacuum worker) still uses it: that only leaves a
            // uniquely named database behind, as a file left in the temp folder would.
        }
    }

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Named after the server assembly's build, so a changed model or migration gets a new one.</summary>
    private static string CreateTemplate()
    {
        var template = "identity_test_template_" + typeof(ApplicationDbContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        using var connection = OpenServer();
        if (Exists(connection, template))
        {
            return template;
        }

        // Migrated under a name of its own and renamed when complete, so no one copies a half-built one.
        var building = "identity_test_building_" + Guid.NewGuid().ToString("N")[..16];
        Execute(connection, $"""CREATE DATABASE "{building}" """);
        var buildingConnection = new NpgsqlConnectionStringBuilder(Server()) { Database = building, Pooling = false }.ConnectionString;
        using (var db = new PostgresApplicationDbContext(DesignTime.Options(new DbContextOptionsBuilder<PostgresApplicationDbContext>().UseNpgsql(buildingConnection))))
        {
            db.Database.Migrate();
        }

        try
        {
            Execute(connection, $"""ALTER DATABASE "{building}" RENAME TO "{template}" """);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            Execute(connection, $"""DROP DATABASE "{building}" """);
        }

        return template;
    }

    private static bool Exists(NpgsqlConnection connection, string name)
    {
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        return exists.ExecuteScalar() is not null;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A valid PostgreSQL identifier (at most 63 bytes) unique to the folder.</summary>
    private static string Name(string dataDirectory) =>
        "identity_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..32];

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(MaintenanceConnectionString(Server()));
        connection.Open();
        return connection;
    }

    /// <summary>Databases are created and dropped from the server's own <c>postgres</c> database, since
    /// the connection string may name none (Npgsql then picks one named after the user).</summary>
    public static string MaintenanceConnectionString(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;

    private static string Server() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{EngineVariable}=Postgres needs {PostgresVariable}, an Npgsql connection string to a server where the tests may create databases (bash scripts/postgres.sh start prints one).");

    private static bool ReadEngine() => Environment.GetEnvironmentVariable(EngineVariable) switch
    {
        null or "" or "Sqlite" => false,
        "Postgres" => true,
        var other => throw new InvalidOperationException($"{EngineVariable} is \"{other}\"; use Sqlite (the default) or Postgres."),
    };
}
