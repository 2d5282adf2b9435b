using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Identity.Server.Data;

/// <summary>
/// Applies the committed EF Core migrations of the configured engine. Several nodes may start at once:
/// EF Core serialises them with a migration lock (PostgreSQL: <c>LOCK TABLE "__EFMigrationsHistory" IN
/// ACCESS EXCLUSIVE MODE</c> inside the migrating transaction, released when it ends or its connection
/// drops; SQLite: a row in <c>__EFMigrationsLock</c>), and whoever waited finds nothing left to apply.
/// </summary>
public sealed class DatabaseMigrator(ApplicationDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await MigrateSqliteAsync(cancellationToken);
            return;
        }

        // No look at the pending migrations first: on a new PostgreSQL database that read fails (and is
        // logged as an error) before the history table exists. MigrateAsync creates the table, takes the
        // lock, logs each migration it applies and does nothing when the database is up to date.
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Creating a missing database is the one step outside the lock: another node created it
            // between our check and our CREATE DATABASE. It exists now, so the lock takes over.
            logger.LogInformation("Another node created the database first");
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // The history table lock is held per migration transaction, so with several migrations pending
            // two nodes can meet on a later one; the other node's migration has committed by the time ours
            // failed, and a second pass finds it in the history.
            logger.LogInformation("Another node applied a migration at the same time");
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    private async Task MigrateSqliteAsync(CancellationToken cancellationToken)
    {
        // Only when needed: SQLite's lock is a row, and a process killed while holding it would block
        // every later migration until the row is removed by hand.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }

        // WAL lets readers go on while one sign-in writes; it is a property of the file, so set it once here.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
