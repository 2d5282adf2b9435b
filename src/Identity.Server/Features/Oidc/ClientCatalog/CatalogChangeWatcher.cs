using Identity.Server.Data;
using Identity.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Keeps the <see cref="CatalogCache"/> in step with clients and scopes changed in the database by another
/// node or an <c>import</c>: every <see cref="CheckInterval"/> it reads each row's client id or name, id and
/// concurrency token (OpenIddict gives a row a new token on every update) and drops every cached entry that
/// no longer matches. That is two small queries per node every few seconds instead of two per token request.
/// </summary>
public sealed class CatalogChangeWatcher(
    IServiceScopeFactory scopes,
    CatalogCache catalog,
    TimeProvider time,
    ILogger<CatalogChangeWatcher> logger) : PeriodicService(scopes, time)
{
    /// <summary>The longest a change made on another node goes unseen here (one reading, plus the query).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    protected override TimeSpan Interval => CheckInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var clients = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Select(application => new { application.ClientId, application.Id, application.ConcurrencyToken }).ToListAsync(cancellationToken);
        var scopes = await db.Set<OpenIddictEntityFrameworkCoreScope>().AsNoTracking()
            .Select(scope => new { scope.Name, scope.Id, scope.ConcurrencyToken }).ToListAsync(cancellationToken);

        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            rows[CatalogKeys.Client(client.ClientId!)] = CatalogCache.Stamp(client.Id, client.ConcurrencyToken);
        }

        foreach (var scope in scopes)
        {
            rows[CatalogKeys.Scope(scope.Name!)] = CatalogCache.Stamp(scope.Id, scope.ConcurrencyToken);
        }

        if (catalog.DropChanged(rows))
        {
            CatalogLog.ChangeSeen(logger);
        }
    }

    protected override void OnFailed(Exception exception) => CatalogLog.WatchFailed(logger, exception);
}
