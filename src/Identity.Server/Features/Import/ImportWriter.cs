using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Import;

/// <summary>Writes a validated file, entry by entry, in dependency order: scopes before the clients
/// that use them, roles before the users that hold them.</summary>
public sealed class ImportWriter(
    ScopeImporter scopes,
    ClientImporter clients,
    RoleImporter roles,
    UserImporter users,
    IAuditLog audit,
    ILogger<ImportWriter> logger)
{
    public async Task<ImportReport> WriteAsync(ImportFile file, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        await WriteScopesAsync(file.Scopes, report, cancellationToken);
        await WriteClientsAsync(file.Clients, report, cancellationToken);
        foreach (var role in await roles.EnsureAsync(file.Users.OfType<UserEntry>()))
        {
            report.RoleCreated(role);
            ImportLog.RoleCreated(logger, role);
            await AuditAsync(ImportAudit.Entry("role", EntryChange.Created).With("role", role), EntryChange.Created, cancellationToken);
        }

        await WriteUsersAsync(file.Users, report, cancellationToken);
        return report;
    }

    private async Task WriteScopesAsync(List<ScopeEntry?> entries, ImportReport report, CancellationToken cancellationToken)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            var change = await scopes.ImportAsync(entry, cancellationToken);
            report.Record("scope", EntryLabels.Scope(i, entry), change);
            ImportLog.ScopeImported(logger, change.Kind, entry.Name!);
            await AuditAsync(ImportAudit.Entry("scope", change).With("scope", entry.Name), change, cancellationToken);
        }
    }

    private async Task WriteClientsAsync(List<ClientEntry?> entries, ImportReport report, CancellationToken cancellationToken)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            var change = await clients.ImportAsync(entry, cancellationToken);
            report.Record("client", EntryLabels.Client(i, entry), change);
            ImportLog.ClientImported(logger, change.Kind, entry.ClientId!, string.Join(", ", change.Fields));
            await AuditAsync(ImportAudit.Entry("client", change) with { ClientId = entry.ClientId }, change, cancellationToken);
        }
    }

    private async Task WriteUsersAsync(List<UserEntry?> entries, ImportReport report, CancellationToken cancellationToken)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            var label = EntryLabels.User(i, entry);
            var (change, userId) = await users.ImportAsync(entry, label);
            report.Record("user", label, change);
            ImportLog.UserImported(logger, change.Kind, userId, string.Join(", ", change.Fields));
            await AuditAsync(ImportAudit.Entry("user", change) with { SubjectUserId = userId }, change, cancellationToken);
        }
    }

    /// <summary>One event per entry the import created or changed; an unchanged entry is no event.</summary>
    private Task AuditAsync(AuditRecord record, EntryChange change, CancellationToken cancellationToken) =>
        change.Kind == ChangeKind.Unchanged ? Task.CompletedTask : audit.RecordAsync(record, cancellationToken);
}
