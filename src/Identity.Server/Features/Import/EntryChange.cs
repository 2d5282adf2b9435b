namespace Identity.Server.Features.Import;

public enum ChangeKind
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What importing one entry did, and for an update which fields changed (names, never values).</summary>
public sealed record EntryChange(ChangeKind Kind, IReadOnlyList<string> Fields)
{
    public static readonly EntryChange Created = new(ChangeKind.Created, []);

    public static readonly EntryChange Unchanged = new(ChangeKind.Unchanged, []);

    public static EntryChange UpdatedOrUnchanged(IReadOnlyList<string> fields) =>
        fields.Count == 0 ? Unchanged : new EntryChange(ChangeKind.Updated, fields);

    public override string ToString() => Kind switch
    {
        ChangeKind.Created => "created",
        ChangeKind.Updated => $"updated ({string.Join(", ", Fields)})",
        _ => "unchanged",
    };
}

/// <summary>A write the database refused after validation passed (a race with another writer, a
/// store rule); the whole import is rolled back.</summary>
public sealed class ImportFailedException(string entry, string message) : Exception($"{entry}: {message}")
{
    public string Entry { get; } = entry;
}
