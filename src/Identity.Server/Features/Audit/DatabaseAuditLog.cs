using System.Data.Common;
using System.Security.Claims;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Features.Audit;

/// <summary>
/// Stores audit events in the service's own database, on the request's connection: inside a running
/// transaction (an import) the events commit or roll back with the changes they describe.
/// </summary>
public sealed class DatabaseAuditLog(
    ApplicationDbContext db,
    IHttpContextAccessor accessor,
    TimeProvider time,
    ILogger<DatabaseAuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var request = accessor.HttpContext;
        var entry = new AuditEvent
        {
            OccurredAt = time.GetUtcNow(),
            EventType = record.EventType,
            Outcome = AuditEventTypes.OutcomeName(record.Outcome),
            ActorUserId = record.ActorUserId ?? request?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            SubjectUserId = record.SubjectUserId,
            ClientId = Truncate(record.ClientId, AuditEvent.ClientIdMaxLength),
            IpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            Details = AuditDetails.ToJson(record.Details),
        };
        AuditMessages.Recorded(logger, entry.EventType, entry.Outcome, entry.ActorUserId, entry.SubjectUserId, entry.ClientId, entry.Details);

        try
        {
            await InsertAsync(entry, cancellationToken);
        }
        catch (DbException exception)
        {
            AuditMessages.WriteFailed(logger, entry.EventType, exception.GetType().Name);
        }
    }

    /// <summary>
    /// A plain INSERT rather than the change tracker: a save here must never also write what the caller
    /// left unsaved in the same context (an account change Identity refused is still tracked as modified).
    /// </summary>
    private Task<int> InsertAsync(AuditEvent entry, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AuditEvents" ("OccurredAt", "EventType", "Outcome", "ActorUserId", "SubjectUserId", "ClientId", "IpAddress", "Details")
            VALUES ({entry.OccurredAt.ToUnixTimeMilliseconds()}, {entry.EventType}, {entry.Outcome}, {entry.ActorUserId}, {entry.SubjectUserId}, {entry.ClientId}, {entry.IpAddress}, {entry.Details})
            """,
            cancellationToken);

    private static string? Truncate(string? value, int length) => value is { Length: > 0 } && value.Length > length ? value[..length] : value;
}
