namespace Identity.Server.Features.Admin.Audit;

/// <summary>What the administrator asked the audit log for.</summary>
public sealed record AuditFilter
{
    /// <summary>An account's email address or id; events where it is the subject or the actor.</summary>
    public string? User { get; init; }

    /// <summary>One of <see cref="Features.Audit.AuditEventTypes.All"/>, or null for every type.</summary>
    public string? EventType { get; init; }

    /// <summary>From this moment on (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before this moment (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
}

/// <summary>One row of the audit page or export, with the accounts' current email addresses where they still exist.</summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string EventType,
    string Outcome,
    string? ActorUserId,
    string? ActorEmail,
    string? SubjectUserId,
    string? SubjectEmail,
    string? ClientId,
    string? IpAddress,
    string? Details);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
