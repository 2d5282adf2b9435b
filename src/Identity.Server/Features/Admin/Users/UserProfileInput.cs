using Identity.Server.Features.Import;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>The account fields an administrator edits, checked with the import's rules so the admin
/// pages and the import accept the same accounts.</summary>
public class UserProfileInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>E.164, for example +31612345678; empty for none.</summary>
    public string? PhoneNumber { get; set; }

    public bool EmailConfirmed { get; set; }

    public bool PhoneNumberConfirmed { get; set; }

    public string? TrimmedDisplayName => string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim();

    public string? TrimmedPhoneNumber => string.IsNullOrWhiteSpace(PhoneNumber) ? null : PhoneNumber.Trim();

    /// <returns>Each problem with the model-state key of its field.</returns>
    public virtual IEnumerable<(string Field, string Message)> Validate(IStringLocalizer<AdminText> text)
    {
        if (string.IsNullOrWhiteSpace(Email) || !UserRules.IsEmailAddress(Email.Trim()))
        {
            yield return ("Input.Email", text["Enter a valid email address."]);
        }

        if (TrimmedDisplayName is { Length: > TextRules.MaxDisplayNameLength })
        {
            yield return ("Input.DisplayName", text["Use at most {0} characters.", TextRules.MaxDisplayNameLength]);
        }

        if (TrimmedPhoneNumber is { } phone && !UserRules.IsE164(phone))
        {
            yield return ("Input.PhoneNumber", text["Enter the phone number in international form: a + and 8 to 15 digits, for example +31612345678."]);
        }

        if (PhoneNumberConfirmed && TrimmedPhoneNumber is null)
        {
            yield return ("Input.PhoneNumberConfirmed", text["A phone number can only be confirmed when there is one."]);
        }
    }
}
