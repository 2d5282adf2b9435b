using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data;

/// <summary>Applies the committed EF Core migrations.</summary>
public sealed class DatabaseMigrator(ApplicationDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one sign-in writes; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
