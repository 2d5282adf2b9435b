using System.Globalization;
using Identity.Server.Features.Audit;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Admin.Users;

/// <summary>A client's standing access for a user (an OpenIddict authorization).</summary>
public sealed record UserGrant(string Id, string? ClientId, string? ClientName, string? Status, IReadOnlyList<string> Scopes, DateTimeOffset? CreatedAt);

/// <summary>
/// A user's grants and tokens through OpenIddict's managers: listing them, revoking them (refresh
/// tokens stop working and introspection reports the tokens inactive) and deleting them with the account.
/// </summary>
public sealed class UserGrants(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    IOpenIddictApplicationManager applications,
    IAuditLog audit)
{
    public async Task<IReadOnlyList<UserGrant>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var grants = new List<UserGrant>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            var applicationId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken);
            var application = applicationId is null ? null : await applications.FindByIdAsync(applicationId, cancellationToken);
            grants.Add(new UserGrant(
                (await authorizations.GetIdAsync(authorization, cancellationToken))!,
                application is null ? null : await applications.GetClientIdAsync(application, cancellationToken),
                application is null ? null : await applications.GetDisplayNameAsync(application, cancellationToken),
                await authorizations.GetStatusAsync(authorization, cancellationToken),
                await authorizations.GetScopesAsync(authorization, cancellationToken),
                await authorizations.GetCreationDateAsync(authorization, cancellationToken)));
        }

        return grants;
    }

    /// <summary>Revokes every grant and token of the user, and audits the revocation.</summary>
    /// <param name="reason">Why the server revokes them, for the audit log (<c>locked</c>, <c>sessions_ended</c>).</param>
    /// <returns>How many authorizations and tokens were revoked.</returns>
    public async Task<(long Authorizations, long Tokens)> RevokeAllAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var revokedAuthorizations = await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
        var revokedTokens = await tokens.RevokeBySubjectAsync(userId, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TokenRevocation, userId)
            .With("reason", reason)
            .With("authorizations", revokedAuthorizations.ToString(CultureInfo.InvariantCulture))
            .With("tokens", revokedTokens.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return (revokedAuthorizations, revokedTokens);
    }

    /// <returns>The client of the revoked grant, or null when the user has no such grant.</returns>
    public async Task<UserGrant?> RevokeAsync(string userId, string authorizationId, CancellationToken cancellationToken)
    {
        var grant = (await ListAsync(userId, cancellationToken)).FirstOrDefault(candidate => candidate.Id == authorizationId);
        if (grant is null || await authorizations.FindByIdAsync(authorizationId, cancellationToken) is not { } authorization)
        {
            return null;
        }

        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        var revokedTokens = await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
        await audit.RecordAsync((AuditRecord.Succeeded(AuditEventTypes.TokenRevocation, userId) with { ClientId = grant.ClientId })
            .With("reason", "authorization_revoked")
            .With("authorizations", "1")
            .With("tokens", revokedTokens.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return grant;
    }

    /// <summary>Deletes every token and authorization of the user (with the account itself).</summary>
    public async Task DeleteAllAsync(string userId, CancellationToken cancellationToken)
    {
        var ownTokens = await tokens.FindBySubjectAsync(userId, cancellationToken).ToListAsync(cancellationToken);
        foreach (var token in ownTokens)
        {
            await tokens.DeleteAsync(token, cancellationToken);
        }

        var ownAuthorizations = await authorizations.FindBySubjectAsync(userId, cancellationToken).ToListAsync(cancellationToken);
        foreach (var authorization in ownAuthorizations)
        {
            await authorizations.DeleteAsync(authorization, cancellationToken);
        }
    }
}
