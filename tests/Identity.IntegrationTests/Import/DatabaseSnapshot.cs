using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    public static Task<IReadOnlyList<string>> TakeAsync(IdentityServerFactory server) =>
        server.WithScopeAsync(services => ReadAsync(services.GetRequiredService<ApplicationDbContext>()));

    private static async Task<IReadOnlyList<string>> ReadAsync(ApplicationDbContext db)
    {
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
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
