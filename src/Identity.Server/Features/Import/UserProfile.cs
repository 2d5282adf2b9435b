using Identity.Server.Data;

namespace Identity.Server.Features.Import;

/// <summary>The plain account fields of a user entry, set only where the entry gives them.</summary>
public static class UserProfile
{
    /// <summary>Fields whose change counts as a change of credentials.</summary>
    public static readonly IReadOnlySet<string> SecurityFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "phoneNumber", "twoFactorEnabled", "twoFactorMethod", "authenticatorKey",
    };

    /// <returns>The names of the fields that changed.</returns>
    public static List<string> Apply(UserEntry entry, ApplicationUser user)
    {
        var changes = new List<string>();
        void Flag(string field, bool? value, bool current, Action<bool> assign)
        {
            if (value is { } given && given != current)
            {
                assign(given);
                changes.Add(field);
            }
        }

        void Text(string field, string? value, string? current, Action<string> assign)
        {
            if (value is not null && !string.Equals(value, current, StringComparison.Ordinal))
            {
                assign(value);
                changes.Add(field);
            }
        }

        Flag("emailConfirmed", entry.EmailConfirmed, user.EmailConfirmed, value => user.EmailConfirmed = value);
        Text("displayName", entry.DisplayName, user.DisplayName, value => user.DisplayName = value);
        Text("phoneNumber", entry.PhoneNumber, user.PhoneNumber, value => user.PhoneNumber = value);

        // A new number is unverified unless the file says otherwise, as with UserManager.SetPhoneNumberAsync.
        var confirmed = entry.PhoneNumberConfirmed ?? (changes.Contains("phoneNumber") ? false : null);
        Flag("phoneNumberConfirmed", confirmed, user.PhoneNumberConfirmed, value => user.PhoneNumberConfirmed = value);
        Flag("twoFactorEnabled", entry.TwoFactorEnabled, user.TwoFactorEnabled, value => user.TwoFactorEnabled = value);
        Text("twoFactorMethod", entry.TwoFactorMethod, user.TwoFactorMethod, value => user.TwoFactorMethod = value);
        return changes;
    }
}
