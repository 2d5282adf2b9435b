using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.PasswordReset;

/// <summary>What a new password from a reset link led to.</summary>
public abstract record ResetPasswordResult
{
    public sealed record Reset : ResetPasswordResult;

    /// <summary>The link is damaged, expired, already used, or for no account; all look the same.</summary>
    public sealed record InvalidLink : ResetPasswordResult;

    /// <summary>The new password breaks a rule.</summary>
    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : ResetPasswordResult;
}
