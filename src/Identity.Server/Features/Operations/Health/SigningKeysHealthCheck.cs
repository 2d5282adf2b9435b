using Identity.Server.Features.Oidc.Keys;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.Server.Features.Operations.Health;

/// <summary>Ready only when this node holds a key that may sign tokens now; without one every token request would fail.</summary>
public sealed class SigningKeysHealthCheck(SigningKeyRing ring, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var usable = ring.IsLoaded && ring.For(KeyUse.Signing).Any(key => key.NotBefore.ToUniversalTime() <= now && now < key.NotAfter.ToUniversalTime());
        return Task.FromResult(usable ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No signing key is loaded."));
    }
}
