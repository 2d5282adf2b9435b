using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Identity.Server.Features.Import;

/// <summary>What a user entry must satisfy before anything is written. Password strength is
/// Identity's to judge and is checked separately (<see cref="ImportPasswordRules"/>).</summary>
public static partial class UserRules
{
    /// <summary>Identity's column limit for email addresses and user and role names.</summary>
    public const int MaxNameLength = 256;

    public static readonly IReadOnlySet<string> KnownTwoFactorMethods = new HashSet<string>(StringComparer.Ordinal) { "sms", "email", "authenticator" };

    public static void Check(UserEntry user, ISet<string> emailsSeen, EntryProblems problems)
    {
        if (string.IsNullOrEmpty(user.Email))
        {
            problems.Add("email is missing");
        }
        else if (!IsEmailAddress(user.Email))
        {
            problems.Add("email is not a valid email address");
        }
        else if (!emailsSeen.Add(user.Email))
        {
            problems.Add("email appears more than once in the file");
        }

        if (user.Password is { Length: 0 })
        {
            problems.Add("password is empty; leave it out to keep an account's current password");
        }

        if (user.PasswordHash is not null && user.Password is not null)
        {
            problems.Add("password and passwordHash are both given; give one");
        }
        else if (user.PasswordHash is not null && !IsPasswordHash(user.PasswordHash))
        {
            problems.Add("passwordHash is not an ASP.NET Core Identity password hash (base64, as export --include-secrets writes it)");
        }

        TextRules.CheckLength("displayName", user.DisplayName, TextRules.MaxDisplayNameLength, problems);
        CheckPhone(user, problems);
        CheckRoles(user.Roles ?? [], problems);
        CheckTwoFactor(user, problems);
    }

    public static bool IsEmailAddress(string value) =>
        value.Length <= MaxNameLength && MailAddress.TryCreate(value, out var address)
        && address.Address == value && string.IsNullOrEmpty(address.DisplayName);

    /// <summary>Identity's hash formats start with a version byte: 0x00 (V2) or 0x01 (V3, PBKDF2).</summary>
    public static bool IsPasswordHash(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written > 1 && bytes[0] is 0x00 or 0x01;
    }

    /// <summary>E.164: a plus and 8 to 15 digits, nothing else (ITU-T E.164 §6).</summary>
    public static bool IsE164(string value) => E164().IsMatch(value);

    private static void CheckPhone(UserEntry user, EntryProblems problems)
    {
        if (user.PhoneNumber is not null && !IsE164(user.PhoneNumber))
        {
            problems.Add("phoneNumber is not in E.164 form (a + followed by 8 to 15 digits, no spaces)");
        }

        if (user.PhoneNumberConfirmed == true && user.PhoneNumber is null)
        {
            problems.Add("phoneNumberConfirmed is true but no phoneNumber is given");
        }
    }

    private static void CheckRoles(List<string?> roles, EntryProblems problems)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(roles[i]) || roles[i]!.Length > MaxNameLength || roles[i] != roles[i]!.Trim())
            {
                problems.Add($"roles[{i}] \"{roles[i]}\" is not a role name (1 to {MaxNameLength} characters, no surrounding spaces)");
            }
        }
    }

    private static void CheckTwoFactor(UserEntry user, EntryProblems problems)
    {
        if (user.AuthenticatorKey is not null && AuthenticatorKeys.Problem(user.AuthenticatorKey) is { } keyProblem)
        {
            problems.Add($"authenticatorKey {keyProblem}");
        }

        if (user.TwoFactorMethod is null)
        {
            return;
        }

        if (!KnownTwoFactorMethods.Contains(user.TwoFactorMethod))
        {
            problems.Add($"twoFactorMethod \"{user.TwoFactorMethod}\" is not one of sms, email, authenticator");
            return;
        }

        if (user.TwoFactorMethod == "authenticator" && user.AuthenticatorKey is null)
        {
            problems.Add("twoFactorMethod \"authenticator\" needs an authenticatorKey");
        }
        else if (user.TwoFactorMethod == "sms" && user.PhoneNumber is null)
        {
            problems.Add("twoFactorMethod \"sms\" needs a phoneNumber");
        }
    }

    [GeneratedRegex(@"^\+[0-9]{8,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
