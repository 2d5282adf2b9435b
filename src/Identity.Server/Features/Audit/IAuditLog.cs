namespace Identity.Server.Features.Audit;

/// <summary>
/// Records security events: stored for the administrators' audit page and written as a structured
/// log entry. Capabilities call it where the event happens; the actor and IP address come from the
/// current request unless the record names them. Recording never throws for a storage failure: it
/// logs it, so a full disk cannot stop people from signing in.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}
