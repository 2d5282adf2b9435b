using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Import;

/// <summary>Password, authenticator key and roles of an imported account, each changed only when it differs.</summary>
public sealed class UserCredentialImporter(UserManager<ApplicationUser> users)
{
    /// <summary>Where Identity keeps the authenticator key: a user token of its own store
    /// (what <c>UserManager.ResetAuthenticatorKeyAsync</c> writes).</summary>
    public const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <returns>Whether the password changed.</returns>
    public async Task<bool> SetPasswordAsync(ApplicationUser user, string? password, string label)
    {
        if (password is null || await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        // Through UserManager, not the hash column: the password is validated and hashed, and the
        // security stamp changes, which ends the account's other sessions and refresh tokens.
        // (Not a reset token: that needs Data Protection keys, which may be written on first use
        // through another connection while this import holds the database's write lock.)
        if (await users.HasPasswordAsync(user))
        {
            UserImporter.Check(label, await users.RemovePasswordAsync(user));
        }

        UserImporter.Check(label, await users.AddPasswordAsync(user, password));
        return true;
    }

    /// <summary>Puts an exported password hash in place; a new security stamp ends the account's other sessions.</summary>
    /// <returns>Whether the hash changed.</returns>
    public async Task<bool> SetPasswordHashAsync(ApplicationUser user, string? hash, string label)
    {
        if (hash is null || string.Equals(user.PasswordHash, hash, StringComparison.Ordinal))
        {
            return false;
        }

        user.PasswordHash = hash;
        UserImporter.Check(label, await users.UpdateSecurityStampAsync(user));
        return true;
    }

    /// <returns>Whether the key changed.</returns>
    public async Task<bool> SetAuthenticatorKeyAsync(ApplicationUser user, string? key, string label)
    {
        if (key is null)
        {
            return false;
        }

        var normalized = AuthenticatorKeys.Normalize(key);
        if (await users.GetAuthenticatorKeyAsync(user) == normalized)
        {
            return false;
        }

        UserImporter.Check(label, await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, normalized));
        return true;
    }

    /// <summary>Makes the account's roles exactly the given ones; null leaves them alone.</summary>
    /// <returns>Whether the roles changed.</returns>
    public async Task<bool> SetRolesAsync(ApplicationUser user, List<string?>? roles, string label)
    {
        if (roles is null)
        {
            return false;
        }

        var current = await users.GetRolesAsync(user);
        var desired = roles.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var remove = current.Where(role => !desired.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();
        var add = desired.Where(role => !current.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();
        if (remove.Count > 0)
        {
            UserImporter.Check(label, await users.RemoveFromRolesAsync(user, remove));
        }

        if (add.Count > 0)
        {
            UserImporter.Check(label, await users.AddToRolesAsync(user, add));
        }

        return remove.Count + add.Count > 0;
    }
}
