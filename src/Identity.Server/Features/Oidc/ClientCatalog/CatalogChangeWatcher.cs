using System.Security.Cryptography;
using System.Text;
using Identity.Server.Data;
using Identity.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Clears the <see cref="CatalogCache"/> when clients or scopes changed in the database by another node or
/// an <c>import</c>: every <see cref="CheckInterval"/> it reads each row's id and concurrency token (OpenIddict
/// gives a row a new token on every update; creating or deleting one changes the set) and compares them with
/// the last reading. That is one small query per node every few seconds instead of two per token request.
/// </summary>
public sealed class CatalogChangeWatcher(
    IServiceScopeFactory scopes,
    CatalogCache catalog,
    TimeProvider time,
    ILogger<CatalogChangeWatcher> logger) : PeriodicService(scopes, time)
{
    /// <summary>The longest a change made on another node goes unseen here (one reading, plus the query).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private string? _lastReading;

    protected override TimeSpan Interval => CheckInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(services.GetRequiredService<ApplicationDbContext>(), cancellationToken);

        // The first reading clears too: rows cached before it may have changed before it was taken.
        if (reading != _lastReading)
        {
            catalog.Clear();
            CatalogLog.ChangeSeen(logger);
        }

        _lastReading = reading;
    }

    protected override void OnFailed(Exception exception) => CatalogLog.WatchFailed(logger, exception);

    private static async Task<string> ReadAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var clients = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Select(application => application.Id + " " + application.ConcurrencyToken).ToListAsync(cancellationToken);
        var scopes = await db.Set<OpenIddictEntityFrameworkCoreScope>().AsNoTracking()
            .Select(scope => scope.Id + " " + scope.ConcurrencyToken).ToListAsync(cancellationToken);
        var rows = string.Join('\n', clients.Order(StringComparer.Ordinal)) + "\n\n" + string.Join('\n', scopes.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rows)));
    }
}
