using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Audit;

/// <summary>Runs <see cref="AuditPruning"/> at start and then every <see cref="AuditOptions.PruneInterval"/>.</summary>
public sealed class AuditPruningService(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditPruningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PruneOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.PruneInterval, time, stoppingToken);
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
            await scope.ServiceProvider.GetRequiredService<AuditPruning>().PruneAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Events are kept a little longer; the next run tries again.
            AuditMessages.PruneFailed(logger, exception);
        }
    }
}
