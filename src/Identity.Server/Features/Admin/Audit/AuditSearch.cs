using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Admin.Audit;

/// <summary>
/// Reads the audit log for the admin page and its CSV export: newest first, filtered by user (as
/// subject or actor), event type and time range, each served by an index of <see cref="AuditEvent"/>.
/// </summary>
public sealed class AuditSearch(ApplicationDbContext db, UserManager<ApplicationUser> users, IOptions<AdminOptions> options)
{
    /// <summary>The most rows one CSV export holds; narrow the filter for more.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var events = await QueryAsync(filter);
        var total = await events.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await events.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(await WithEmailsAsync(rows, cancellationToken), total, page, pageSize);
    }

    /// <summary>The newest events of one account, for its page.</summary>
    public async Task<IReadOnlyList<AuditRow>> RecentAsync(string userId, int count, CancellationToken cancellationToken) =>
        await WithEmailsAsync(await (await QueryAsync(new AuditFilter { User = userId })).Take(count).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Every matching event (up to <see cref="MaxExportRows"/>), newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ExportAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        await WithEmailsAsync(await (await QueryAsync(filter)).Take(MaxExportRows).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<AuditEvent>> QueryAsync(AuditFilter filter)
    {
        IQueryable<AuditEvent> events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var userId = await ResolveUserIdAsync(filter.User.Trim());
            events = events.Where(e => e.SubjectUserId == userId || e.ActorUserId == userId);
        }

        if (!string.IsNullOrEmpty(filter.EventType))
        {
            events = events.Where(e => e.EventType == filter.EventType);
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        return events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    /// <summary>An email address names the account that has it now; anything else is taken as an id,
    /// so events of a deleted account can still be found.</summary>
    private async Task<string> ResolveUserIdAsync(string user) =>
        user.Contains('@') ? (await users.FindByEmailAsync(user))?.Id ?? string.Empty : user;

    private async Task<IReadOnlyList<AuditRow>> WithEmailsAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.SelectMany(e => new[] { e.ActorUserId, e.SubjectUserId }).OfType<string>().Distinct().ToList();
        var emails = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var user in await db.Users.AsNoTracking().Where(user => chunk.Contains(user.Id)).Select(user => new { user.Id, user.Email }).ToListAsync(cancellationToken))
            {
                emails[user.Id] = user.Email;
            }
        }

        return events.Select(e => new AuditRow(
            e.Id, e.OccurredAt, e.EventType, e.Outcome,
            e.ActorUserId, e.ActorUserId is null ? null : emails.GetValueOrDefault(e.ActorUserId),
            e.SubjectUserId, e.SubjectUserId is null ? null : emails.GetValueOrDefault(e.SubjectUserId),
            e.ClientId, e.IpAddress, e.Details)).ToList();
    }
}
