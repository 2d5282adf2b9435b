using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.Server.Features.Operations.Health;

/// <summary>
/// Ready only when the database answers a query on the service's own schema. Opening a connection is not
/// enough: SQLite creates an empty file where the database went missing and would "connect" to it.
/// </summary>
public sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SigningKeys.AsNoTracking().Select(key => key.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log through the health check service; the probe's answer carries none.
            return HealthCheckResult.Unhealthy("The database did not answer.", exception);
        }
    }
}
