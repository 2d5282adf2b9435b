using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// Saving an administrator's edit of an account. A new email address (also the user name) or phone
/// number is a change of credentials: the security stamp moves, which ends the account's sessions
/// and its refresh tokens, as a change by the user would.
/// </summary>
public sealed class UserProfileEditor(UserManager<ApplicationUser> users, IAuditLog audit)
{
    /// <returns>Identity's result; on success the audit names the fields that changed.</returns>
    public async Task<IdentityResult> SaveAsync(ApplicationUser user, UserProfileInput input, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        void Set<T>(string field, T current, T desired, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, desired))
            {
                assign(desired);
                changed.Add(field);
            }
        }

        var email = input.Email!.Trim();
        Set("email", user.Email, email, value => { user.Email = value; user.UserName = value; });
        Set("displayName", user.DisplayName, input.TrimmedDisplayName, value => user.DisplayName = value);
        Set("phoneNumber", user.PhoneNumber, input.TrimmedPhoneNumber, value => user.PhoneNumber = value);
        Set("emailConfirmed", user.EmailConfirmed, input.EmailConfirmed, value => user.EmailConfirmed = value);
        Set("phoneNumberConfirmed", user.PhoneNumberConfirmed, input.PhoneNumberConfirmed, value => user.PhoneNumberConfirmed = value);
        if (changed.Count == 0)
        {
            return IdentityResult.Success;
        }

        var credentialsChanged = changed.Contains("email") || changed.Contains("phoneNumber");
        var result = credentialsChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminUserUpdated, user.Id).With("fields", string.Join(",", changed)), cancellationToken);
        }

        return result;
    }
}
