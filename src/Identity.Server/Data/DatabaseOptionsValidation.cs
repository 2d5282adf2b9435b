using Microsoft.Extensions.Options;

namespace Identity.Server.Data;

/// <summary>A PostgreSQL database must be named: without a connection string Npgsql would try a local
/// server under the OS user's name, which is never what a deployment meant.</summary>
internal sealed class DatabaseOptionsValidation(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Identity"))
            ? ValidateOptionsResult.Fail("Database:Provider is Postgres but ConnectionStrings:Identity is empty; set it to an Npgsql connection string (Host=...;Database=...;Username=...;Password=...).")
            : ValidateOptionsResult.Success;
}
