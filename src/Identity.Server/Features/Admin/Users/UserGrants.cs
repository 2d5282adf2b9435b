using OpenIddict.Abstractions;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Deletes a user's OpenIddict tokens and authorizations, which do not go with the account by themselves
/// (they name it only by subject).</summary>
public sealed class UserGrants(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
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
