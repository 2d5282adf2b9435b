using Identity.Server.Security;

namespace Identity.Server.Features.Audit;

/// <summary>The structured log entry every audited event also gets; accounts by id, never by email.</summary>
public static partial class AuditMessages
{
    [LoggerMessage(EventId = SecurityEventIds.AuditEventRecorded, Level = LogLevel.Information,
        Message = "Audit {EventType} {Outcome}: actor {ActorUserId}, subject {SubjectUserId}, client {ClientId}, details {Details}")]
    public static partial void Recorded(
        ILogger logger, string eventType, string outcome, string? actorUserId, string? subjectUserId, string? clientId, string? details);

    [LoggerMessage(EventId = SecurityEventIds.AuditWriteFailed, Level = LogLevel.Error,
        Message = "Audit event {EventType} could not be stored: {Failure}")]
    public static partial void WriteFailed(ILogger logger, string eventType, string failure);

    [LoggerMessage(EventId = SecurityEventIds.AuditPruned, Level = LogLevel.Information,
        Message = "Pruned {Count} audit events older than {Cutoff:u}")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = SecurityEventIds.AuditPruneFailed, Level = LogLevel.Error,
        Message = "Pruning the audit log failed; the next run tries again")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
