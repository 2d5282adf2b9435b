using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Identity.Server.Data;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// OpenIddict's scope manager, answering name lookups from the <see cref="CatalogCache"/>. A token request
/// looks its API scopes up twice (OpenIddict's scope validation, then the token's audiences in
/// <see cref="OidcPrincipalFactory"/>); both are answered from memory once the scopes were read.
/// </summary>
public sealed class CachedScopeManager(
    CatalogCache catalog,
    ApplicationDbContext db,
    IOpenIddictScopeCache<OpenIddictEntityFrameworkCoreScope> cache,
    ILogger<OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictScopeStore<OpenIddictEntityFrameworkCoreScope> store)
    : OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>(cache, logger, options, store)
{
    private readonly TrackedCopies<OpenIddictEntityFrameworkCoreScope> _copies = new(catalog, db, CatalogCopies.Copy, scope => scope.Id, scope => scope.ConcurrencyToken);

    public override async ValueTask<OpenIddictEntityFrameworkCoreScope?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await foreach (var scope in FindByNamesAsync([name], cancellationToken))
        {
            return scope;
        }

        return null;
    }

    public override async IAsyncEnumerable<OpenIddictEntityFrameworkCoreScope> FindByNamesAsync(
        ImmutableArray<string> names, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, OpenIddictEntityFrameworkCoreScope?>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (_copies.TryGet(CatalogKeys.Scope(name), out var scope))
            {
                found[name] = scope;
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            var generation = catalog.Generation;
            var read = new Dictionary<string, OpenIddictEntityFrameworkCoreScope>(StringComparer.Ordinal);
            await foreach (var scope in base.FindByNamesAsync([.. missing], cancellationToken))
            {
                read[scope.Name!] = scope;
            }

            foreach (var name in missing)
            {
                found[name] = _copies.Keep(CatalogKeys.Scope(name), read.GetValueOrDefault(name), generation);
            }
        }

        foreach (var scope in found.Values)
        {
            if (scope is not null)
            {
                yield return scope;
            }
        }
    }
}
