using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ScopeLookup;

/// <summary>
/// OpenIddict's scope manager, remembering for the length of one request (the manager is scoped) which
/// scopes a name lookup found. A token request looks the same API scopes up twice: OpenIddict's scope
/// validation, then the audiences of the token (<see cref="OidcPrincipalFactory"/>); the second is answered
/// from the first. Nothing is kept across requests, so a scope changed on any node is seen by the next request.
/// </summary>
public sealed class RequestScopeManager(
    IOpenIddictScopeCache<OpenIddictEntityFrameworkCoreScope> cache,
    ILogger<OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictScopeStore<OpenIddictEntityFrameworkCoreScope> store)
    : OpenIddictScopeManager<OpenIddictEntityFrameworkCoreScope>(cache, logger, options, store)
{
    /// <summary>Name → the scope found, or null when the database has none by that name.</summary>
    private readonly Dictionary<string, OpenIddictEntityFrameworkCoreScope?> _found = new(StringComparer.Ordinal);

    public override async IAsyncEnumerable<OpenIddictEntityFrameworkCoreScope> FindByNamesAsync(
        ImmutableArray<string> names, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var missing = names.Where(name => !_found.ContainsKey(name)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (missing.Length > 0)
        {
            foreach (var name in missing)
            {
                _found[name] = null;
            }

            await foreach (var scope in base.FindByNamesAsync(missing, cancellationToken))
            {
                _found[scope.Name!] = scope;
            }
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (_found[name] is { } scope)
            {
                yield return scope;
            }
        }
    }

    public override ValueTask CreateAsync(OpenIddictEntityFrameworkCoreScope scope, CancellationToken cancellationToken = default)
    {
        _found.Clear();
        return base.CreateAsync(scope, cancellationToken);
    }

    public override ValueTask UpdateAsync(OpenIddictEntityFrameworkCoreScope scope, CancellationToken cancellationToken = default)
    {
        _found.Clear();
        return base.UpdateAsync(scope, cancellationToken);
    }

    public override ValueTask DeleteAsync(OpenIddictEntityFrameworkCoreScope scope, CancellationToken cancellationToken = default)
    {
        _found.Clear();
        return base.DeleteAsync(scope, cancellationToken);
    }
}
