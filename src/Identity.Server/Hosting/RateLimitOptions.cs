using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Hosting;

/// <summary>Per-client-IP request limits on the endpoints attackers hammer.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in, first-administrator setup and other account form posts per IP address per minute. Default 20; 1 to 100,000.</summary>
    [Range(1, 100_000)]
    public int AccountFormsPerMinute { get; set; } = 20;

    /// <summary>Token, revocation and introspection requests per IP address per minute. Default 1,200;
    /// 1 to 10,000,000. Clients behind one NAT share an address, so leave room.</summary>
    [Range(1, 10_000_000)]
    public int TokenRequestsPerMinute { get; set; } = 1_200;
}
