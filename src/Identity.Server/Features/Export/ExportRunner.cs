using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Export;

/// <summary>
/// The export command: <c>export FILE.json [--include-secrets]</c> writes the scopes, clients and users
/// in the import format (docs/import-format.md). Exit code 0 when written, 1 when the file cannot be written.
/// </summary>
public sealed class ExportRunner(ConfigurationExport export, IAuditLog audit, ILogger<ExportRunner> logger)
{
    public async Task<int> RunAsync(string path, bool includeSecrets, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var file = await export.ReadAsync(includeSecrets, cancellationToken);
        try
        {
            await ExportFileWriter.WriteAsync(path, file, includeSecrets, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{path}: the file cannot be written ({exception.Message}).");
            return 1;
        }

        ExportLog.Exported(logger, file.Scopes.Count, file.Clients.Count, file.Users.Count, includeSecrets);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.Export)
            .With("scopes", file.Scopes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("clients", file.Clients.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("users", file.Users.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("secrets", includeSecrets ? "included" : "left out"), cancellationToken);

        await output.WriteLineAsync($"Exported {file.Scopes.Count} scope(s), {file.Clients.Count} client(s) and {file.Users.Count} user(s) to {Path.GetFullPath(path)}.");
        await output.WriteLineAsync(includeSecrets
            ? "The file holds password hashes, client secret hashes and authenticator keys: keep it as safe as the database."
            : "Password hashes, client secrets and authenticator keys were left out; add --include-secrets to carry them over.");
        return 0;
    }
}
