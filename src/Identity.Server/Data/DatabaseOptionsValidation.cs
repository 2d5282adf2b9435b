using Microsoft.Extensions.Options;
using Npgsql;

namespace Identity.Server.Data;

/// <summary>
/// A PostgreSQL database must be named by an Npgsql connection string with a host. Without one Npgsql
/// would try a local server under the OS user's name, and the SQLite default of appsettings.json would
/// fail only at the first query; neither is what a deployment meant, so the server refuses to start.
/// </summary>
internal sealed class DatabaseOptionsValidation(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        var connectionString = configuration.GetConnectionString("Identity");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail("Database:Provider is Postgres but ConnectionStrings:Identity is empty; set it to an Npgsql connection string (Host=...;Database=...;Username=...;Password=...).");
        }

        return HasHost(connectionString)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Database:Provider is Postgres but ConnectionStrings:Identity is not an Npgsql connection string with a Host (Host=...;Database=...;Username=...;Password=...).");
    }

    private static bool HasHost(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
