using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Identity.Server.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous = NORMAL</c> on every SQLite connection (the setting is per connection).
/// The database runs in WAL mode (EF Core creates it so); there NORMAL syncs at checkpoints rather than at
/// every commit. A committed transaction survives a crash or kill of this process, because it is in the WAL
/// file the moment the commit returns; only an operating system crash or power loss can lose the last
/// commits before a checkpoint (https://www.sqlite.org/pragma.html#pragma_synchronous). FULL would
/// fsync every token, code and audit row, one writer at a time.
/// </summary>
public sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite && sqlite.DataSource != ":memory:")
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}
