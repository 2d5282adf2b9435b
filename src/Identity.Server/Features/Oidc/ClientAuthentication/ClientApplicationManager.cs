using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientAuthentication;

/// <summary>
/// OpenIddict's application manager, checking secrets stored in the <see cref="GeneratedSecretHash"/>
/// format with one SHA-256 and every other stored secret (imported, chosen by a person, or stored before
/// this format existed) with OpenIddict's PBKDF2 check, unchanged. New secrets given to the manager are
/// still hashed the slow way: only the code that generates a secret knows it is random.
/// </summary>
public sealed class ClientApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        comparand.StartsWith(GeneratedSecretHash.Prefix, StringComparison.Ordinal)
            ? ValueTask.FromResult(GeneratedSecretHash.Verify(secret, comparand))
            : base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
}
