using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Identity.Server.Data;

/// <summary>
/// Applies the committed EF Core migrations of the configured engine. Several nodes may start at once:
/// EF Core serialises them with a migration lock (PostgreSQL: <c>LOCK TABLE "__EFMigrationsHistory" IN
/// ACCESS EXCLUSIVE MODE</c> in the migrating transaction; SQLite: the <c>__EFMigrationsLock</c> row), and
/// whoever waited finds nothing left to apply.
/// </summary>
public sealed class DatabaseMigrator(ApplicationDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Creating a missing database is the one step outside the lock: another node created it
                // between our check and our CREATE DATABASE. It exists now, so the lock takes over.
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one sign-in writes; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
