namespace Identity.Server.Features.Import;

/// <summary>Writes a validated file, entry by entry, in dependency order: scopes before the clients
/// that use them, roles before the users that hold them.</summary>
public sealed class ImportWriter(
    ScopeImporter scopes,
    ClientImporter clients,
    RoleImporter roles,
    UserImporter users,
    ILogger<ImportWriter> logger)
{
    public async Task<ImportReport> WriteAsync(ImportFile file, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        for (var i = 0; i < file.Scopes.Count; i++)
        {
            var entry = file.Scopes[i]!;
            var change = await scopes.ImportAsync(entry, cancellationToken);
            report.Record("scope", EntryLabels.Scope(i, entry), change);
            ImportLog.ScopeImported(logger, change.Kind, entry.Name!);
        }

        for (var i = 0; i < file.Clients.Count; i++)
        {
            var entry = file.Clients[i]!;
            var change = await clients.ImportAsync(entry, cancellationToken);
            report.Record("client", EntryLabels.Client(i, entry), change);
            ImportLog.ClientImported(logger, change.Kind, entry.ClientId!, string.Join(", ", change.Fields));
        }

        foreach (var role in await roles.EnsureAsync(file.Users.OfType<UserEntry>()))
        {
            report.RoleCreated(role);
            ImportLog.RoleCreated(logger, role);
        }

        for (var i = 0; i < file.Users.Count; i++)
        {
            var entry = file.Users[i]!;
            var label = EntryLabels.User(i, entry);
            var (change, userId) = await users.ImportAsync(entry, label);
            report.Record("user", label, change);
            ImportLog.UserImported(logger, change.Kind, userId, string.Join(", ", change.Fields));
        }

        return report;
    }
}
