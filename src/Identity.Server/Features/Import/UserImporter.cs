using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Import;

/// <summary>
/// Creates or updates one account through UserManager, so passwords are hashed, rules apply and
/// the security stamp moves (ending other sessions) whenever a credential or factor changes.
/// On an existing account only the fields the entry gives are set.
/// </summary>
public sealed class UserImporter(UserManager<ApplicationUser> users, UserCredentialImporter credentials, TimeProvider time)
{
    /// <returns>What changed, and the account's id for the log.</returns>
    public async Task<(EntryChange Change, string UserId)> ImportAsync(UserEntry entry, string label)
    {
        var user = await users.FindByEmailAsync(entry.Email!);
        return user is null ? await CreateAsync(entry, label) : (await UpdateAsync(user, entry, label), user.Id);
    }

    private async Task<(EntryChange, string)> CreateAsync(UserEntry entry, string label)
    {
        var user = new ApplicationUser
        {
            UserName = entry.Email,
            Email = entry.Email,
            CreatedAt = time.GetUtcNow(),
        };
        UserProfile.Apply(entry, user);

        // A hash from an export is stored as it is; a plain password is validated and hashed.
        user.PasswordHash = entry.PasswordHash;
        Check(label, entry.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, entry.Password));
        await credentials.SetAuthenticatorKeyAsync(user, entry.AuthenticatorKey, label);
        await credentials.SetRolesAsync(user, entry.Roles, label);
        return (EntryChange.Created, user.Id);
    }

    private async Task<EntryChange> UpdateAsync(ApplicationUser user, UserEntry entry, string label)
    {
        var changes = UserProfile.Apply(entry, user);
        if (changes.Count > 0)
        {
            Check(label, await users.UpdateAsync(user));
        }

        var passwordChanged = await credentials.SetPasswordAsync(user, entry.Password, label);
        if (passwordChanged)
        {
            changes.Add("password");
        }

        if (await credentials.SetPasswordHashAsync(user, entry.PasswordHash, label))
        {
            changes.Add("passwordHash");
            passwordChanged = true;
        }

        if (await credentials.SetAuthenticatorKeyAsync(user, entry.AuthenticatorKey, label))
        {
            changes.Add("authenticatorKey");
        }

        // A new phone number, second factor setting or authenticator key is a change of credentials:
        // sessions and refresh tokens issued before it must end (a password change already did this).
        if (!passwordChanged && changes.Intersect(UserProfile.SecurityFields).Any())
        {
            Check(label, await users.UpdateSecurityStampAsync(user));
        }

        if (await credentials.SetRolesAsync(user, entry.Roles, label))
        {
            changes.Add("roles");
        }

        return EntryChange.UpdatedOrUnchanged(changes);
    }

    public static void Check(string label, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Identity's other messages quote the user name, which is the email address: give their codes.
            throw new ImportFailedException(label, string.Join(" ", result.Errors.Select(error =>
                error.Code.StartsWith("Password", StringComparison.Ordinal) ? error.Description : error.Code)));
        }
    }
}
