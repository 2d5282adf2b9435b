using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.PasswordReset;

/// <summary>Password reset by email link.</summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "PasswordReset";

    /// <summary>How long a reset link works. Whoever holds the link can take over the account, so keep
    /// it short; a link also stops working once used, because the reset changes the security stamp it
    /// is bound to. Default 1 hour; 5 minutes to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
