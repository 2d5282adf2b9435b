using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Ending a user's access. Browser sessions are cookies the server does not list; a new security stamp
/// ends each of them at its next check (Accounts:SessionValidationInterval). Client access is ended by
/// revoking the user's OpenIddict authorizations and tokens, all of them or one client's.
/// </summary>
public sealed class UserSessions(UserManager<ApplicationUser> users, UserGrants grants, IAuditLog audit)
{
    public async Task<AdminActionResult> EndAllAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        await grants.RevokeAllAsync(user.Id, "sessions_ended", cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminSessionsRevoked, user.Id), cancellationToken);
        return AdminActionResult.Done;
    }

    /// <returns>False when the user has no such authorization.</returns>
    public async Task<bool> RevokeGrantAsync(ApplicationUser user, string authorizationId, CancellationToken cancellationToken)
    {
        if (await grants.RevokeAsync(user.Id, authorizationId, cancellationToken) is not { } grant)
        {
            return false;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminAuthorizationRevoked, user.Id) with { ClientId = grant.ClientId }, cancellationToken);
        return true;
    }
}
