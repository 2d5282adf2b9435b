using System.Globalization;
using System.Text;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Audit;

/// <summary>The audit log: filter by user, event type and dates (UTC), page through it, export it as CSV.</summary>
public sealed class AuditEventsModel(AuditSearch search, IAuditLog audit, TimeProvider time, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EventType { get; set; }

    /// <summary>First day, yyyy-MM-dd (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day, yyyy-MM-dd (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    // Not "page": Razor Pages puts the page's own path in the route value of that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReadFilter() is { } filter)
        {
            Result = await search.SearchAsync(filter, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (ReadFilter() is not { } filter)
        {
            return Page();
        }

        var rows = await search.ExportAsync(filter, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminAuditExported)
            .With("rows", rows.Count.ToString(CultureInfo.InvariantCulture))
            .With("filter", Request.QueryString.Value), cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        return File(Encoding.UTF8.GetBytes(AuditCsv.Write(rows)), "text/csv; charset=utf-8", name);
    }

    public string Link(int page, string? handler = null) => QueryHelpers.AddQueryString("/admin/audit", new Dictionary<string, string?>
    {
        ["handler"] = handler,
        ["user"] = UserFilter,
        ["type"] = EventType,
        ["from"] = From,
        ["to"] = To,
        ["p"] = handler is null ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(pair => !string.IsNullOrEmpty(pair.Value)));

    /// <summary>The filter, or null (with a message on the page) when a date or type cannot be read.</summary>
    private AuditFilter? ReadFilter()
    {
        var from = ReadDate(From, "from");
        var to = ReadDate(To, "to");
        if (!string.IsNullOrEmpty(EventType) && !AuditEventTypes.All.Contains(EventType))
        {
            ModelState.AddModelError("type", text["Choose an event type from the list."]);
        }

        return ModelState.ErrorCount > 0 ? null : new AuditFilter
        {
            User = UserFilter is { Length: > 450 } ? UserFilter[..450] : UserFilter,
            EventType = string.IsNullOrEmpty(EventType) ? null : EventType,
            From = from,
            To = to?.AddDays(1),
            Page = PageNumber,
        };
    }

    private DateTimeOffset? ReadDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        ModelState.AddModelError(field, text["Enter a date as year-month-day, for example 2026-01-31."]);
        return null;
    }
}
