using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Audit;

/// <summary>How long security events are kept.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>How long an event is kept before it is pruned. Default 365 days; 1 day to 3,650 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often old events are pruned (also once at start). Default 1 hour; 1 minute to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
