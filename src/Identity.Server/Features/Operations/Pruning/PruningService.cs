using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Operations.Pruning;

/// <summary>Runs <see cref="StalePruning"/> at start and then every <see cref="PruningOptions.Interval"/>, on TimeProvider's clock.</summary>
public sealed class PruningService(
    IServiceScopeFactory scopes,
    IOptions<PruningOptions> options,
    TimeProvider time,
    ILogger<PruningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PruneOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StalePruning>().PruneAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Dead rows stay a little longer; nothing depends on them being gone.
            PruningLog.PruneFailed(logger, exception);
        }
    }
}
