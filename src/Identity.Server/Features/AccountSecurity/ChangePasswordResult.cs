using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>What a password change led to.</summary>
public abstract record ChangePasswordResult
{
    public sealed record Changed : ChangePasswordResult;

    public sealed record WrongPassword : ChangePasswordResult;

    /// <summary>Too many wrong current passwords: the account is locked like after failed sign-ins.</summary>
    public sealed record LockedOut : ChangePasswordResult;

    /// <summary>The new password breaks a rule.</summary>
    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : ChangePasswordResult;
}
