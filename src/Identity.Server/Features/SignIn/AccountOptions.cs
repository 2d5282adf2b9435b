using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.SignIn;

/// <summary>Account and session policy.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Whether people may create their own account. Default <c>true</c>.</summary>
    public bool AllowSelfRegistration { get; set; } = true;

    /// <summary>Whether an account must confirm its email address before it can sign in. Default <c>true</c>.</summary>
    public bool RequireConfirmedEmail { get; set; } = true;

    /// <summary>How long a sign-in session lasts without activity (sliding). Default 8 hours; 5 minutes to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often a session re-checks the account (security stamp), which bounds how long a
    /// "sign out everywhere" or a password change takes to end other sessions. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed password attempts before the account is locked. Default 5; 3 to 20.</summary>
    [Range(3, 20)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts. Default 15 minutes; 1 minute to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Minimum password length. Length beats composition rules (NIST SP 800-63B §5.1.1.2). Default 10; 8 to 128.</summary>
    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 10;
}
