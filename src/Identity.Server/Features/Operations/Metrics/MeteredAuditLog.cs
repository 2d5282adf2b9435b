using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Operations.Metrics;

/// <summary>
/// Counts the security events the audit log receives, then records them as before. Every capability
/// already audits its sign-ins, challenges and lockouts, so counting here keeps one hook and no
/// counting code spread across the pages.
/// </summary>
public sealed class MeteredAuditLog(IAuditLog inner, IdentityMetrics metrics) : IAuditLog
{
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        Count(record);
        return inner.RecordAsync(record, cancellationToken);
    }

    private void Count(AuditRecord record)
    {
        var success = record.Outcome == AuditOutcome.Success;
        switch (record.EventType)
        {
            case AuditEventTypes.SignIn when success:
                metrics.SignIn("success", MetricLabels.Amr(Detail(record, "amr")), "none");
                break;
            case AuditEventTypes.SignIn:
                metrics.SignIn("failure", MetricLabels.Amr(Detail(record, "method")), MetricLabels.Reason(Detail(record, "reason")));
                break;
            case AuditEventTypes.SecondFactorSent:
                metrics.Challenge(Detail(record, "channel") ?? IdentityMetrics.Other, success ? "sent" : "not_sent");
                break;
            case AuditEventTypes.SecondFactorVerified:
                metrics.Challenge(Detail(record, "method") ?? IdentityMetrics.Other, success ? "passed" : "failed");
                break;
            case AuditEventTypes.Lockout:
                metrics.Lockout(Detail(record, "reason") ?? IdentityMetrics.Other);
                break;
        }
    }

    private static string? Detail(AuditRecord record, string key) => record.Details.TryGetValue(key, out var value) ? value : null;
}
