using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Deleting an account with its tokens and authorizations, all or nothing. The audit log keeps the
/// account's id in its events, so what happened to it stays on record.
/// </summary>
public sealed class UserDeletion(
    UserManager<ApplicationUser> users,
    UserGrants grants,
    AdministratorGuard guard,
    IAuditLog audit,
    ILogger<UserDeletion> logger)
{
    public async Task<AdminActionResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var succeeded = false;
        // The guard's transaction makes the deletion all or nothing.
        var allowed = await guard.UnlessLastAdministratorAsync(user, async () =>
        {
            await grants.DeleteAllAsync(user.Id, cancellationToken);
            return succeeded = (await users.DeleteAsync(user)).Succeeded;
        }, cancellationToken);

        if (!allowed)
        {
            AdminLog.LastAdministratorProtected(logger, "delete", user.Id);
            await audit.RecordAsync(AuditRecord.Failed(AuditEventTypes.AdminUserDeleted, user.Id).With("refused", "last_administrator"), cancellationToken);
            return AdminActionResult.LastAdministrator;
        }

        if (!succeeded)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminUserDeleted, user.Id)
            .With("email", Email.EmailAddressMask.Mask(user.Email)), cancellationToken);
        return AdminActionResult.Done;
    }
}
