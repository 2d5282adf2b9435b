using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Import;

/// <summary>The audit record of one imported entry: what kind, created or updated, and which fields (never values).</summary>
public static class ImportAudit
{
    public static AuditRecord Entry(string kind, EntryChange change) =>
        AuditRecord.Succeeded(AuditEventTypes.Import)
            .With("kind", kind)
            .With("change", change.Kind == ChangeKind.Created ? "created" : "updated")
            .With("fields", change.Fields.Count == 0 ? null : string.Join(",", change.Fields));
}
