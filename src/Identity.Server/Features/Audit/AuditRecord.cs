namespace Identity.Server.Features.Audit;

/// <summary>Whether the audited attempt worked.</summary>
public enum AuditOutcome
{
    Success,
    Failure,
}

/// <summary>One event to record. Details are short facts (a reason, a field name, a count), never
/// passwords, codes, tokens, secrets or full email addresses.</summary>
public sealed record AuditRecord(string EventType, AuditOutcome Outcome)
{
    /// <summary>The account the event is about.</summary>
    public string? SubjectUserId { get; init; }

    /// <summary>The OAuth client involved (client_id).</summary>
    public string? ClientId { get; init; }

    /// <summary>Who acted; null takes the signed-in user of the current request.</summary>
    public string? ActorUserId { get; init; }

    public IReadOnlyDictionary<string, string?> Details { get; init; } = new Dictionary<string, string?>();

    public static AuditRecord Succeeded(string eventType, string? subjectUserId = null) =>
        new(eventType, AuditOutcome.Success) { SubjectUserId = subjectUserId };

    public static AuditRecord Failed(string eventType, string? subjectUserId = null) =>
        new(eventType, AuditOutcome.Failure) { SubjectUserId = subjectUserId };

    /// <summary>The same record with one more detail.</summary>
    public AuditRecord With(string key, string? value) =>
        this with { Details = new Dictionary<string, string?>(Details) { [key] = value } };
}
