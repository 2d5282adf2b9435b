using System.Globalization;

namespace Identity.Server.Features.Import;

/// <summary>The lines an import prints: one per entry, then a summary
/// (<c>Imported: 1 scope, 2 clients, 3 users created; 0 updated; 4 unchanged</c>).</summary>
public sealed class ImportReport
{
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, int> _created = new(StringComparer.Ordinal) { ["scope"] = 0, ["client"] = 0, ["user"] = 0 };
    private int _updated;
    private int _unchanged;
    private int _rolesCreated;

    public IReadOnlyList<string> Lines => _lines;

    public bool ChangedAnything => _created.Values.Sum() + _updated + _rolesCreated > 0;

    /// <param name="kind"><c>scope</c>, <c>client</c> or <c>user</c>.</param>
    public void Record(string kind, string entry, EntryChange change)
    {
        _lines.Add($"{entry}: {change}");
        switch (change.Kind)
        {
            case ChangeKind.Created:
                _created[kind]++;
                break;
            case ChangeKind.Updated:
                _updated++;
                break;
            default:
                _unchanged++;
                break;
        }
    }

    public void RoleCreated(string role)
    {
        _lines.Add($"role \"{role}\": created");
        _rolesCreated++;
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Imported: {Count(_created["scope"], "scope")}, {Count(_created["client"], "client")}, {Count(_created["user"], "user")} created; {_updated} updated; {_unchanged} unchanged");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
