using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.Server.Features.Operations.Health;

/// <summary>
/// Probes for orchestrators and load balancers: <c>/health/live</c> (the process answers; no dependencies,
/// so a database outage never gets healthy nodes restarted) and <c>/health/ready</c> (the database answers
/// and a signing key is loaded). The answer is the bare status word, never a reason or exception text.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<SigningKeysHealthCheck>("signing_keys", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Answers the probes before rate limits, pages and authentication, which they must not depend on.</summary>
    public static IApplicationBuilder UseHealthEndpoints(this IApplicationBuilder app) =>
        app.UseHealthChecks(LivePath, Probe(_ => false))
            .UseHealthChecks(ReadyPath, Probe(check => check.Tags.Contains(ReadyTag)));

    private static HealthCheckOptions Probe(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        AllowCachingResponses = false,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
