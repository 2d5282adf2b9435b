using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Registration;

/// <summary>What a registration led to. The same for a new address and one that has an account.</summary>
public abstract record RegistrationResult
{
    /// <summary>An email went out: a confirmation link, or a notice to the owner of an existing account.</summary>
    public sealed record EmailSent : RegistrationResult;

    /// <summary>The email could not be sent; the person should try again later.</summary>
    public sealed record EmailFailed : RegistrationResult;

    /// <summary>The input broke a rule that depends on the input alone (a password too short).</summary>
    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : RegistrationResult;
}

/// <summary>What a confirmation link led to.</summary>
public enum ConfirmEmailResult
{
    Confirmed,
    InvalidLink,
}

/// <summary>The registration form, trimmed.</summary>
public sealed record NewAccount(string Email, string? DisplayName, string Password, string? ReturnUrl);
