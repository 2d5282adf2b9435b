using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Identity.Server.Features.Audit;

/// <summary>
/// Turns a record's details into the short JSON object stored with it. Values are cut to a length a
/// person reads at a glance and stripped of control characters, so a value typed by a visitor (a lock
/// reason, a client name) cannot forge lines in a CSV export or a log viewer. The result always fits
/// <see cref="Data.AuditEvent.DetailsMaxLength"/>.
/// </summary>
public static class AuditDetails
{
    public const int MaxValueLength = 200;

    public const int MaxValues = 8;

    // Letters of every script stay readable; markup characters and quotes are escaped.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string? ToJson(IReadOnlyDictionary<string, string?> details)
    {
        var given = details.Where(pair => pair.Value is not null).Take(MaxValues).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        // Escaping can make a value several times longer than it reads: shorten until the object fits.
        for (var length = MaxValueLength; ; length /= 2)
        {
            var json = JsonSerializer.Serialize(given.ToDictionary(pair => Clean(pair.Key, 40), pair => Clean(pair.Value!, length), StringComparer.Ordinal), Options);
            if (json.Length <= Data.AuditEvent.DetailsMaxLength || length == 0)
            {
                return json.Length <= Data.AuditEvent.DetailsMaxLength ? json : null;
            }
        }
    }

    private static string Clean(string value, int length)
    {
        var printable = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length <= length ? printable : printable[..length] + "…";
    }
}
