using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Bootstrap;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Giving and taking roles. Taking <c>admin</c> from the last active administrator is refused.</summary>
public sealed class RoleAssignments(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    AdministratorGuard guard,
    IAuditLog audit,
    ILogger<RoleAssignments> logger)
{
    /// <summary>Identity's column limit for role names.</summary>
    public const int MaxRoleLength = 256;

    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken) =>
        await roles.Roles.Select(role => role.Name!).OrderBy(name => name).ToListAsync(cancellationToken);

    public static bool IsRoleName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxRoleLength && name == name.Trim() && !name.Any(char.IsControl);

    public async Task<AdminActionResult> AddAsync(ApplicationUser user, string role, CancellationToken cancellationToken)
    {
        if (!await roles.RoleExistsAsync(role) && !(await roles.CreateAsync(new IdentityRole(role))).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        if (!await users.IsInRoleAsync(user, role) && !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminRoleAdded, user.Id).With("role", role), cancellationToken);
        return AdminActionResult.Done;
    }

    public async Task<AdminActionResult> RemoveAsync(ApplicationUser user, string role, CancellationToken cancellationToken)
    {
        var removed = false;
        async Task<bool> RemoveNowAsync() =>
            removed = !await users.IsInRoleAsync(user, role) || (await users.RemoveFromRoleAsync(user, role)).Succeeded;

        var record = AuditRecord.Succeeded(AuditEventTypes.AdminRoleRemoved, user.Id).With("role", role);
        if (!string.Equals(role, AdministratorRole.Name, StringComparison.OrdinalIgnoreCase))
        {
            await RemoveNowAsync();
        }
        else if (!await guard.UnlessLastAdministratorAsync(user, RemoveNowAsync, cancellationToken))
        {
            AdminLog.LastAdministratorProtected(logger, "demote", user.Id);
            await audit.RecordAsync((record with { Outcome = AuditOutcome.Failure }).With("refused", "last_administrator"), cancellationToken);
            return AdminActionResult.LastAdministrator;
        }

        if (!removed)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(record, cancellationToken);
        return AdminActionResult.Done;
    }
}
