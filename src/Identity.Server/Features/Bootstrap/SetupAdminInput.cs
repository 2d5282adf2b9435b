using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Bootstrap;

/// <summary>The setup form. Checked here with this folder's text, so every message has its Dutch
/// beside the page; password strength is Identity's to judge.</summary>
public sealed class SetupAdminInput
{
    public const int MaxDisplayNameLength = 200;

    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    /// <returns>Each problem with the field (a model-state key) it belongs to.</returns>
    public IEnumerable<(string Field, string Message)> Validate(IStringLocalizer<BootstrapText> text)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            yield return ("Input.Email", text["Enter your email address."]);
        }
        else if (!ValidateBootstrapOptions.IsEmailAddress(Email))
        {
            yield return ("Input.Email", text["Enter a valid email address."]);
        }

        if (DisplayName is { Length: > MaxDisplayNameLength })
        {
            yield return ("Input.DisplayName", text["Use at most {0} characters.", MaxDisplayNameLength]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            yield return ("Input.Password", text["Enter a password."]);
        }
        else if (Password != ConfirmPassword)
        {
            yield return ("Input.ConfirmPassword", text["The passwords do not match."]);
        }
    }
}
