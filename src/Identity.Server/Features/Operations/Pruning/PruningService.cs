using Identity.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Operations.Pruning;

/// <summary>Runs <see cref="StalePruning"/> at start and then every <see cref="PruningOptions.Interval"/>.</summary>
public sealed class PruningService(
    IServiceScopeFactory scopes,
    IOptions<PruningOptions> options,
    TimeProvider time,
    ILogger<PruningService> logger) : PeriodicService(scopes, time)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<StalePruning>().PruneAsync(cancellationToken);

    // Dead rows stay a little longer; nothing depends on them being gone.
    protected override void OnFailed(Exception exception) => PruningLog.PruneFailed(logger, exception);
}
