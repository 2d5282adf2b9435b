using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Bootstrap;

/// <summary>Finds and creates administrators, through UserManager so every account rule applies.</summary>
public sealed class AdministratorAccounts(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ApplicationDbContext db,
    TimeProvider time)
{
    public async Task<bool> AnyAsync() => (await users.GetUsersInRoleAsync(AdministratorRole.Name)).Count > 0;

    /// <summary>Creates the account with a confirmed email and the admin role, or promotes the
    /// existing account with that email. All or nothing.</summary>
    public async Task<AdministratorAccountResult> CreateOrPromoteAsync(
        string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        var exists = user is not null;
        user ??= new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = time.GetUtcNow() };

        var result = exists ? await PromoteAsync(user, password, displayName) : await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await AddToAdministratorsAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new AdministratorAccountResult.Rejected([.. result.Errors]);
        }

        await transaction.CommitAsync(cancellationToken);
        return exists ? new AdministratorAccountResult.Promoted(user) : new AdministratorAccountResult.Created(user);
    }

    private async Task<IdentityResult> PromoteAsync(ApplicationUser user, string password, string? displayName)
    {
        // The account may have been registered by someone else under the administrator's address
        // before the server was set up. It gets the administrator's password rather than keeping
        // theirs, and the password change moves the security stamp, which ends their sessions.
        if (!await users.CheckPasswordAsync(user, password))
        {
            var removed = await users.HasPasswordAsync(user) ? await users.RemovePasswordAsync(user) : IdentityResult.Success;
            var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
            if (!added.Succeeded)
            {
                return added;
            }
        }

        user.EmailConfirmed = true;
        user.DisplayName = displayName ?? user.DisplayName;
        return await users.UpdateAsync(user);
    }

    private async Task<IdentityResult> AddToAdministratorsAsync(ApplicationUser user)
    {
        if (!await roles.RoleExistsAsync(AdministratorRole.Name))
        {
            var created = await roles.CreateAsync(new IdentityRole(AdministratorRole.Name));
            if (!created.Succeeded)
            {
                return created;
            }
        }

        return await users.IsInRoleAsync(user, AdministratorRole.Name)
            ? IdentityResult.Success
            : await users.AddToRoleAsync(user, AdministratorRole.Name);
    }
}
