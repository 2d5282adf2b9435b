using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>Why an account's sessions and grants were ended, for the log.</summary>
public enum RevocationReason
{
    SignOutEverywhere,
    PasswordChanged,
    PasswordReset,
    SecondFactorRemoved,
    NotMe,
}

/// <summary>
/// The one way to end an account's other sessions: a new security stamp ends the sessions of other
/// browsers (at their next check) and fails refresh grants, and every token and authorization of the account
/// is revoked in OpenIddict too — a new stamp alone leaves OpenIddict's access tokens, refresh tokens and
/// authorizations valid in its store (introspection and revocation would still see them).
/// </summary>
public sealed class SessionRevoker(
    UserManager<ApplicationUser> users,
    AccountSignIn sessions,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    ILogger<SessionRevoker> logger)
{
    /// <param name="keepThisSession">Reissue this browser's session with the new stamp (the owner acting on their own account).</param>
    public async Task RevokeAsync(ApplicationUser user, RevocationReason reason, bool keepThisSession, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        var revokedTokens = await tokens.RevokeBySubjectAsync(user.Id, cancellationToken);
        var revokedAuthorizations = await authorizations.RevokeBySubjectAsync(user.Id, cancellationToken);
        if (keepThisSession)
        {
            await sessions.RefreshAsync(user);
        }

        AccountSecurityLog.SessionsRevoked(logger, user.Id, reason, revokedTokens, revokedAuthorizations);
    }
}
