using System.Text.Json;

namespace Identity.Server.Features.Audit;

/// <summary>
/// Turns a record's details into the short JSON object stored with it. Values are cut to a length a
/// person reads at a glance and stripped of control characters, so a value typed by a visitor (a lock
/// reason, a client name) cannot forge lines in a CSV export or a log viewer.
/// </summary>
public static class AuditDetails
{
    public const int MaxValueLength = 200;

    /// <summary>With at most this many values of <see cref="MaxValueLength"/>, the JSON always fits the column.</summary>
    public const int MaxValues = 8;

    public static string? ToJson(IReadOnlyDictionary<string, string?> details)
    {
        if (details.Count == 0)
        {
            return null;
        }

        var clean = details.Where(pair => pair.Value is not null).Take(MaxValues)
            .ToDictionary(pair => Clean(pair.Key), pair => Clean(pair.Value!), StringComparer.Ordinal);
        return clean.Count == 0 ? null : JsonSerializer.Serialize(clean);
    }

    private static string Clean(string value)
    {
        var printable = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length <= MaxValueLength ? printable : printable[..MaxValueLength] + "…";
    }
}
