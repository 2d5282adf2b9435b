using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Audit;

/// <summary>Deletes events older than the retention period, in batches, so no single statement holds
/// the database's write lock for long while people sign in.</summary>
public sealed class AuditPruning(ApplicationDbContext db, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditPruning> logger)
{
    public const int BatchSize = 5_000;

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.RetentionPeriod;
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.AuditEvents
                .Where(e => e.OccurredAt < cutoff)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        if (total > 0)
        {
            AuditMessages.Pruned(logger, total, cutoff);
        }

        return total;
    }
}
