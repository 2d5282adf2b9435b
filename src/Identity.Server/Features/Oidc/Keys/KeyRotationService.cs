using Identity.Server.Data.Coordination;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>
/// Keeps the key ring current: rotates on schedule and reloads when a key becomes active or expires,
/// so a long-running node switches keys without a restart.
/// </summary>
public sealed class KeyRotationService(
    IServiceScopeFactory scopes,
    SigningKeyRing ring,
    IOptions<SigningKeyOptions> options,
    TimeProvider time,
    ILogger<KeyRotationService> logger) : BackgroundService
{
    /// <summary>
    /// Rotates if due and loads the keys; called at start before any request is served. Nodes take
    /// turns through the keys lease: two nodes starting on an empty database would otherwise each
    /// create a key set milliseconds apart (their activation times differ, so the unique index would
    /// not stop it) and sign with keys the other does not publish. The loser waits, finds the
    /// winner's keys and loads them.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SigningKeyStore>();
        await scope.ServiceProvider.GetRequiredService<DatabaseLocks>()
            .LeaseAsync(ClusterLockNames.Keys, () => store.RotateAsync(cancellationToken), cancellationToken);
        ring.Replace(await store.LoadAsync(cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var delay = options.Value.CheckInterval;
            if (ring.NextTransitionAfter(now) is { } next && next - now + TimeSpan.FromSeconds(1) < delay)
            {
                delay = next - now + TimeSpan.FromSeconds(1);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The keys already loaded stay in use; the next check tries again.
                logger.LogError(exception, "Rotating the token keys failed");
            }
        }
    }
}
