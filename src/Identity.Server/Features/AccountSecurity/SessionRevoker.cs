using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Audit;
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

    /// <summary>An administrator ended the account's sessions.</summary>
    AdministratorEndedSessions,

    /// <summary>An administrator locked the account.</summary>
    AccountLocked,

    /// <summary>An administrator reset the account's two-step verification.</summary>
    TwoStepReset,
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
    IAuditLog audit,
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
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TokenRevocation, user.Id)
            .With("reason", reason.ToString())
            .With("tokens", revokedTokens.ToString(CultureInfo.InvariantCulture))
            .With("authorizations", revokedAuthorizations.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }
}
