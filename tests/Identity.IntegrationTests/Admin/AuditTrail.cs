using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin;

/// <summary>One row of the audit log's CSV export.</summary>
public sealed record AuditEntry(
    string Time, string EventType, string Outcome, string ActorUserId, string ActorEmail,
    string SubjectUserId, string SubjectEmail, string ClientId, string IpAddress, string Details);

/// <summary>The audit log as an operator reads it: the admin page's CSV export.</summary>
public static class AuditTrail
{
    /// <summary>The events of a user (as subject or actor) and optionally of one type, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this BrowserClient adminBrowser, string? user = null, string? type = null)
    {
        var query = new List<string> { "handler=csv" };
        if (user is not null)
        {
            query.Add("user=" + Uri.EscapeDataString(user));
        }

        if (type is not null)
        {
            query.Add("type=" + Uri.EscapeDataString(type));
        }

        var response = await adminBrowser.Http.GetAsync("/admin/audit?" + string.Join('&', query));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync()).Skip(1).Select(fields => new AuditEntry(
            fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8], fields[9])).ToList();
    }

    /// <summary>RFC 4180 records: quoted fields with doubled quotes, CRLF between records.</summary>
    public static IReadOnlyList<string[]> Parse(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        return records;
    }
}
