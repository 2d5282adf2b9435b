using System.Globalization;
using Identity.Server.Features.Audit;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>A client the user granted access: what it may see, and when it last got a token.</summary>
public sealed record AppAccess(string ApplicationId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? LastUsed);

/// <summary>The clients holding a valid authorization (a consent, or an implicit grant) from the user, and revoking one.</summary>
public sealed class AppsWithAccess(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IAuditLog audit,
    ILogger<AppsWithAccess> logger)
{
    public async Task<IReadOnlyList<AppAccess>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var apps = new Dictionary<string, (HashSet<string> Scopes, DateTimeOffset? LastUsed)>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken)
                || await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId)
            {
                continue;
            }

            var entry = apps.GetValueOrDefault(applicationId, ([], null));
            entry.Scopes.UnionWith(await authorizations.GetScopesAsync(authorization, cancellationToken));
            var lastUsed = await LastTokenAsync(await authorizations.GetIdAsync(authorization, cancellationToken), cancellationToken)
                ?? await authorizations.GetCreationDateAsync(authorization, cancellationToken);
            apps[applicationId] = (entry.Scopes, Max(entry.LastUsed, lastUsed));
        }

        var result = new List<AppAccess>();
        foreach (var (applicationId, (scopes, lastUsed)) in apps)
        {
            var application = await applications.FindByIdAsync(applicationId, cancellationToken);
            var name = application is null ? null : await applications.GetLocalizedDisplayNameAsync(application, cancellationToken)
                ?? await applications.GetClientIdAsync(application, cancellationToken);
            result.Add(new AppAccess(applicationId, name ?? applicationId, [.. scopes.Order(StringComparer.Ordinal)], lastUsed));
        }

        return [.. result.OrderByDescending(app => app.LastUsed)];
    }

    /// <summary>Revokes the user's authorizations of one client and all its tokens: its refresh tokens stop working.</summary>
    public async Task<bool> RevokeAsync(string userId, string applicationId, CancellationToken cancellationToken)
    {
        var revokedAuthorizations = await authorizations.RevokeAsync(userId, applicationId, status: null, type: null, cancellationToken);
        var revokedTokens = await tokens.RevokeAsync(userId, applicationId, status: null, type: null, cancellationToken);
        AccountSecurityLog.AppAccessRevoked(logger, userId, applicationId, revokedTokens);
        var application = await applications.FindByIdAsync(applicationId, cancellationToken);
        await audit.RecordAsync((AuditRecord.Succeeded(AuditEventTypes.TokenRevocation, userId) with
            {
                ClientId = application is null ? null : await applications.GetClientIdAsync(application, cancellationToken),
            })
            .With("reason", "AppAccessRevoked")
            .With("tokens", revokedTokens.ToString(CultureInfo.InvariantCulture))
            .With("authorizations", revokedAuthorizations.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return revokedAuthorizations + revokedTokens > 0;
    }

    private async Task<DateTimeOffset?> LastTokenAsync(string? authorizationId, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        if (authorizationId is null)
        {
            return last;
        }

        await foreach (var token in tokens.FindByAuthorizationIdAsync(authorizationId, cancellationToken))
        {
            last = Max(last, await tokens.GetCreationDateAsync(token, cancellationToken));
        }

        return last;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
