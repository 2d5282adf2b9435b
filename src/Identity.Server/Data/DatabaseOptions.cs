using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Data;

/// <summary>Where the service keeps its data.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// The database engine behind <c>ConnectionStrings:Identity</c>. Default <see cref="DatabaseProvider.Sqlite"/>,
    /// an embedded file for one machine; <see cref="DatabaseProvider.Postgres"/> for several nodes sharing one
    /// database, where <c>ConnectionStrings:Identity</c> is an Npgsql connection string and is required.
    /// </summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Folder for the embedded database, the outbox and other local files; relative paths are
    /// resolved against the content root. Default <c>data</c>.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending EF Core migrations when the server starts. Default <c>true</c>;
    /// turn off where deployments run the <c>migrate</c> command separately.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>The database engines the service has migrations for.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file under <see cref="DatabaseOptions.DataDirectory"/>.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, through Npgsql.</summary>
    Postgres,
}
