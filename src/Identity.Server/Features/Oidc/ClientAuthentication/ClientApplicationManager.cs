using Identity.Server.Data;
using Identity.Server.Features.Oidc.ClientCatalog;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientAuthentication;

/// <summary>
/// OpenIddict's application manager, with two changes for the token endpoint. Secrets stored in the
/// <see cref="GeneratedSecretHash"/> format are checked with one SHA-256 and every other stored secret
/// (imported, chosen by a person, or stored before this format existed) with OpenIddict's PBKDF2 check,
/// unchanged; new secrets given to the manager are still hashed the slow way, because only the code that
/// generates a secret knows it is random. And lookups by client id are answered from the
/// <see cref="CatalogCache"/>.
/// </summary>
public sealed class ClientApplicationManager(
    CatalogCache catalog,
    ApplicationDbContext db,
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    private readonly TrackedCopies<OpenIddictEntityFrameworkCoreApplication> _copies =
        new(catalog, db, CatalogCopies.Copy, application => application.Id, application => application.ConcurrencyToken);

    public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(
        string identifier, CancellationToken cancellationToken = default)
    {
        var key = CatalogKeys.Client(identifier);
        if (_copies.TryGet(key, out var application))
        {
            return application;
        }

        var generation = catalog.Generation;
        return _copies.Keep(key, await base.FindByClientIdAsync(identifier, cancellationToken), generation);
    }

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        comparand.StartsWith(GeneratedSecretHash.Prefix, StringComparison.Ordinal)
            ? ValueTask.FromResult(GeneratedSecretHash.Verify(secret, comparand))
            : base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
}
