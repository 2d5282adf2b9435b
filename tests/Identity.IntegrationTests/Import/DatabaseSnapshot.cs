using Identity.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Identity.IntegrationTests.Import;

/// <summary>Every row of the tables an import writes, as text, to prove a run wrote nothing
/// (concurrency stamps and hashes change on any update).</summary>
public static class DatabaseSnapshot
{
    private static readonly string[] Tables =
    [
        "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserTokens", "AspNetUserClaims",
        "OpenIddictApplications", "OpenIddictScopes",
    ];

    public static async Task<IReadOnlyList<string>> TakeAsync(IdentityServerFactory server)
    {
        _ = server.Services; // Starts the server, which creates the database, if no request has yet.
        var rows = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add(table + ": " + string.Join(" | ", values));
            }
        }

        return rows;
    }
}
