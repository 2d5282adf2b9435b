namespace Identity.Server.Features.Operations.Metrics;

/// <summary>The Prometheus scraping endpoint, <c>/metrics</c>, and who may read it.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>The loopback and private ranges (RFC 1918, RFC 4193), where scrapers normally live.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedNetworks =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    /// <summary>Whether <c>/metrics</c> answers at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The client networks (CIDR, e.g. <c>10.0.0.0/8</c>, or single addresses) that may read <c>/metrics</c>;
    /// any other client gets 404, as if it did not exist. The client address is the one after
    /// <c>Hosting:KnownProxies</c>/<c>KnownNetworks</c> are applied, so a public client behind the proxy is refused.
    /// Default (when unset): <see cref="DefaultAllowedNetworks"/>.
    /// </summary>
    public string[]? AllowedNetworks { get; set; }

    public IReadOnlyList<string> EffectiveAllowedNetworks => AllowedNetworks is { Length: > 0 } networks ? networks : DefaultAllowedNetworks;
}
