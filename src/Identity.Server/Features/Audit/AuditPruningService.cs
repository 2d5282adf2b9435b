using Identity.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Audit;

/// <summary>Runs <see cref="AuditPruning"/> at start and then every <see cref="AuditOptions.PruneInterval"/>.</summary>
public sealed class AuditPruningService(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditPruningService> logger) : PeriodicService(scopes, time)
{
    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AuditPruning>().PruneAsync(cancellationToken);

    // Events are kept a little longer; the next run tries again.
    protected override void OnFailed(Exception exception) => AuditMessages.PruneFailed(logger, exception);
}
