using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Identity.Server.Data;

/// <summary>
/// Applies the committed EF Core migrations of the configured engine. Several nodes may start at once;
/// whoever waited finds nothing left to apply. On PostgreSQL they queue on an advisory lock held across the
/// whole migration (EF Core's own lock on the history table lasts one migration, so two nodes could meet
/// on a later one); on SQLite EF Core's lock row in <c>__EFMigrationsLock</c> does the same.
/// </summary>
public sealed class DatabaseMigrator(ApplicationDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock's key; advisory locks are per database, so one constant serves every deployment.</summary>
    private const long MigrationLockKey = 0x4964_4D69_6772_6174; // "IdMigrat"

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(200);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await MigrateSqliteAsync(cancellationToken);
            return;
        }

        await MigratePostgresAsync(cancellationToken);
    }

    private async Task MigratePostgresAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);

        // One connection for the lock and the migration: a session's advisory lock lives on its connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await WaitForMigrationLockAsync(cancellationToken);
            try
            {
                // No look at the pending migrations first: on a new database that read fails (and is logged as
                // an error) before the history table exists. MigrateAsync creates the table, logs each migration
                // it applies and does nothing when the database is up to date.
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                // Explicitly: a pooled connection keeps its session, and so the lock, after it is closed. A broken
                // connection took the lock with it, and its error is the one to report.
                if (db.Database.GetDbConnection().State == ConnectionState.Open)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Creating the database is the one step no lock can cover: another node created it between our
            // check and our CREATE DATABASE. It exists now, which is all this step is for.
            logger.LogInformation("Another node created the database first");
        }
    }

    /// <summary>Polls rather than blocks, so a stopping host is not held by another node's long migration.</summary>
    private async Task WaitForMigrationLockAsync(CancellationToken cancellationToken)
    {
        var waiting = false;
        while (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({MigrationLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            if (!waiting)
            {
                logger.LogInformation("Another node is migrating the database; waiting for it");
                waiting = true;
            }

            await Task.Delay(LockPoll, cancellationToken);
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
