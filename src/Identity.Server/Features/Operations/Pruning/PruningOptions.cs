using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Operations.Pruning;

/// <summary>How often, and how long after they stopped being usable, dead tokens, grants and links are deleted.</summary>
public sealed class PruningOptions
{
    public const string SectionName = "Pruning";

    /// <summary>How often each node prunes (also once at start). Default 1 hour; 1 minute to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Tokens and authorizations created more recently than this are never pruned, even when dead, so a
    /// redeemed refresh token is still recognised if it is presented again (RFC 9700 §4.14.2) and support
    /// can still see recent grants. Expired "This wasn't me" links are kept as long after they expire.
    /// Default 14 days (OpenIddict's own default); 1 hour to 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromDays(14);
}
