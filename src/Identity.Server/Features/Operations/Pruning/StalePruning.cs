using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Operations.Pruning;

/// <summary>
/// One pruning pass: OpenIddict's tokens and authorizations that are expired, redeemed, revoked or
/// orphaned (OpenIddict's own PruneAsync), security codes past their row lifetime and expired
/// "This wasn't me" links. Every step is a conditional delete, so two nodes pruning at once only
/// find less to do.
/// </summary>
public sealed class StalePruning(
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    ApplicationDbContext db,
    TimeProvider time,
    IOptions<PruningOptions> options,
    ILogger<StalePruning> logger)
{
    public const int BatchSize = 1_000;

    public async Task<PruningResult> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var threshold = now - options.Value.MinimumAge;
        var result = new PruningResult(
            await tokens.PruneAsync(threshold, cancellationToken),
            await authorizations.PruneAsync(threshold, cancellationToken),
            await PruneSecurityCodesAsync(now, cancellationToken),
            await PruneSignInNoticesAsync(threshold, cancellationToken),
            await PruneExpiredStateAsync(now, cancellationToken));
        if (!result.IsEmpty)
        {
            PruningLog.Pruned(logger, result.Tokens, result.Authorizations, result.SecurityCodes, result.SignInNotices, result.ExpiredState, threshold);
        }

        return result;
    }

    private async Task<int> PruneSecurityCodesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - SecurityCodeStore.RowLifetime).ToUnixTimeMilliseconds();
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.SecurityCodes.Where(code => code.CreatedAt < cutoff).OrderBy(code => code.Id).Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    /// <summary>
    /// Rate-limit windows and used passkey ceremonies past their expiry: an expired window starts over on
    /// its next use and an expired ceremony is refused before the used set is read, so neither row matters.
    /// </summary>
    private async Task<int> PruneExpiredStateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.ToUnixTimeMilliseconds();
        return await db.WindowCounters.Where(row => row.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken)
            + await db.UsedPasskeyCeremonies.Where(row => row.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Expiry is compared here rather than in SQL: SQLite cannot compare the stored DateTimeOffset values.</summary>
    private async Task<int> PruneSignInNoticesAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        var expired = new List<Guid>();
        await foreach (var notice in db.SignInNotices.AsNoTracking().Select(notice => new { notice.Id, notice.ExpiresAt }).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (notice.ExpiresAt < threshold)
            {
                expired.Add(notice.Id);
            }
        }

        var total = 0;
        foreach (var batch in expired.Chunk(BatchSize))
        {
            total += await db.SignInNotices.Where(notice => batch.Contains(notice.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return total;
    }
}
