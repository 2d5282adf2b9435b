namespace Identity.Server.Data;

/// <summary>
/// One security event: who did what to whom, from where, and whether it worked. Rows are written by
/// <see cref="Features.Audit.IAuditLog"/> only and never changed; they are pruned after
/// <c>Audit:RetentionPeriod</c>. User ids are kept without a foreign key, so an event outlives the
/// account it is about.
/// </summary>
public sealed class AuditEvent
{
    public const int EventTypeMaxLength = 64;
    public const int OutcomeMaxLength = 16;
    public const int UserIdMaxLength = 450;
    public const int ClientIdMaxLength = 100;
    public const int IpAddressMaxLength = 45;
    public const int DetailsMaxLength = 2000;

    public long Id { get; set; }

    /// <summary>When it happened (UTC, millisecond precision).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>What happened, one of <see cref="Features.Audit.AuditEventTypes"/>.</summary>
    public required string EventType { get; set; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The signed-in account that acted (an administrator, or the user themselves); null for
    /// anonymous requests and commands.</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The account the event is about.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>The OAuth client involved (its client_id).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client IP address of the request, as the forwarded-headers rules resolved it.</summary>
    public string? IpAddress { get; set; }

    /// <summary>A short JSON object with event specifics; never passwords, codes, tokens or secrets.</summary>
    public string? Details { get; set; }
}
