using System.Globalization;
using System.Text;

namespace Identity.Server.Features.Admin.Audit;

/// <summary>
/// The audit export as CSV (RFC 4180): every field quoted, and a field that a spreadsheet would run
/// as a formula (starting with =, +, -, @, a tab or a carriage return) prefixed with an apostrophe,
/// because client ids, reasons and names in it were typed by someone (CSV injection, OWASP).
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Header =
        ["time_utc", "event_type", "outcome", "actor_user_id", "actor_email", "subject_user_id", "subject_email", "client_id", "ip_address", "details"];

    public static string Write(IEnumerable<AuditRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var row in rows)
        {
            Line(csv,
            [
                row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                row.EventType, row.Outcome, row.ActorUserId, row.ActorEmail, row.SubjectUserId, row.SubjectEmail,
                row.ClientId, row.IpAddress, row.Details,
            ]);
        }

        return csv.ToString();
    }

    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
