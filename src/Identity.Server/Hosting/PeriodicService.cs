namespace Identity.Server.Hosting;

/// <summary>
/// Background work that runs at start and then every <see cref="Interval"/> on <see cref="TimeProvider"/>'s
/// clock, each run in its own service scope. A failed run is reported and the next one tries again; the
/// stopping token ends the wait and the run at once, so shutdown is never held up by the schedule.
/// </summary>
public abstract class PeriodicService(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected abstract void OnFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception exception)
        {
            // While stopping, a run cut short is expected, not a failure.
            if (!stoppingToken.IsCancellationRequested)
            {
                OnFailed(exception);
            }
        }
    }
}
