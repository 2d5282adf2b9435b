using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Hosting;

/// <summary>How the process sits behind reverse proxies and how it stops.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto are trusted. Default none.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of reverse proxies (CIDR, e.g. <c>10.0.0.0/8</c>) whose forwarded headers are trusted,
    /// for proxies without a fixed address. Default none.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// How long a stopping process (SIGTERM) lets in-flight requests and background work finish before it
    /// exits anyway. Keep it below the orchestrator's own grace period. Default 30 seconds; 1 second to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
