using Identity.Server.Data;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Import;

/// <summary>
/// Reads and writes a client's secret exactly as stored (OpenIddict's hash), which OpenIddict's manager
/// does not expose: export writes it, and import puts it back, so a client moved to another database
/// keeps its secret without anyone knowing it. Everywhere else secrets go through the manager, which hashes them.
/// </summary>
public sealed class ClientSecretHashes(ApplicationDbContext db)
{
    public static string? Get(object application) => Entity(application).ClientSecret;

    public async Task SetAsync(object application, string hash, CancellationToken cancellationToken)
    {
        var entity = Entity(application);
        var entry = db.Entry(entity);
        entry.Property(candidate => candidate.ClientSecret).CurrentValue = hash;
        entry.Property(candidate => candidate.ConcurrencyToken).CurrentValue = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static OpenIddictEntityFrameworkCoreApplication Entity(object application) =>
        application as OpenIddictEntityFrameworkCoreApplication
            ?? throw new InvalidOperationException("Clients are expected in OpenIddict's Entity Framework Core store.");
}
