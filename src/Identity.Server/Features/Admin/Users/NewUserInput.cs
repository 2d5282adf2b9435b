using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>How a new account gets its first password.</summary>
public enum FirstPassword
{
    /// <summary>An email with a link to choose one (which also confirms the address).</summary>
    Invitation,

    /// <summary>The administrator sets one, which the user must replace at the first sign-in.</summary>
    InitialPassword,
}

/// <summary>The create-user form.</summary>
public sealed class NewUserInput : UserProfileInput
{
    public FirstPassword FirstPassword { get; set; }

    public string? InitialPassword { get; set; }

    public override IEnumerable<(string Field, string Message)> Validate(IStringLocalizer<AdminText> text)
    {
        foreach (var problem in base.Validate(text))
        {
            yield return problem;
        }

        if (FirstPassword == FirstPassword.InitialPassword && string.IsNullOrEmpty(InitialPassword))
        {
            yield return ("Input.InitialPassword", text["Enter the initial password, or send an invitation instead."]);
        }
    }
}
