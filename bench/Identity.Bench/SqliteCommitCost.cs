using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Identity.Bench;

/// <summary>
/// What one small committed transaction costs in SQLite's WAL mode with <c>synchronous=FULL</c> (an fsync per
/// commit) and with <c>NORMAL</c> (the server's setting: fsync at checkpoints), on the disk the data folder is on.
/// One row per transaction, as the server writes one token or audit row per request.
/// </summary>
public static class SqliteCommitCost
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var folder = args.Get("folder");
        var commits = args.Int("commits", 500);
        var results = new Dictionary<string, double>();
        foreach (var mode in new[] { "FULL", "NORMAL" })
        {
            var path = Path.Combine(folder, $"commit-cost-{mode}.db");
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={mode}; CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT);");
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < commits; i++)
            {
                await using var transaction = connection.BeginTransaction();
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO t(payload) VALUES ($p)";
                insert.Parameters.AddWithValue("$p", new string('x', 400));
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            results[mode] = Stopwatch.GetElapsedTime(started).TotalMilliseconds / commits;
            await connection.CloseAsync();
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(folder, $"commit-cost-{mode}.db*"))
            {
                File.Delete(file);
            }
        }

        Console.WriteLine($"SQLite WAL commit of one row: synchronous=FULL {results["FULL"]:F3} ms, NORMAL {results["NORMAL"]:F3} ms ({commits} commits each)");
        await File.WriteAllTextAsync(args.Get("out"), JsonSerializer.Serialize(new
        {
            name = "sqlite_commit",
            full_ms = results["FULL"],
            normal_ms = results["NORMAL"],
            commits,
        }));
        return 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
