using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.SecondFactors;

/// <summary>Policy for second factors: security codes, their throttling, and the sign-in step.</summary>
public sealed class SecondFactorOptions
{
    public const string SectionName = "SecondFactors";

    /// <summary>How long a texted or emailed code stays valid. Default 10 minutes; 1 to 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong entries a code survives before it is dead. Default 5; 1 to 10.</summary>
    [Range(1, 10)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>How long to wait before another code can be sent for the same purpose. Default 30 seconds; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Codes sent to one account per hour, all purposes together. Default 10; 1 to 1,000.</summary>
    [Range(1, 1_000)]
    public int SendsPerUserPerHour { get; set; } = 10;

    /// <summary>Codes sent to one phone number or email address per hour, whoever asks (SMS pumping).
    /// Default 5; 1 to 1,000.</summary>
    [Range(1, 1_000)]
    public int SendsPerDestinationPerHour { get; set; } = 5;

    /// <summary>Codes sent at the request of one client IP address per hour (toll fraud). Default 20; 1 to 100,000.</summary>
    [Range(1, 100_000)]
    public int SendsPerIpPerHour { get; set; } = 20;

    /// <summary>How long the sign-in waits for the second factor after a correct password. Default 10 minutes; 1 to 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "Don't ask again on this browser" lasts. Default 30 days; 1 hour to 90 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RememberBrowserDuration { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How recent the last sign-in must be to change a factor; older sessions re-enter the
    /// password first. Default 5 minutes; 1 minute to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan RecentSignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Region (ISO 3166 alpha-2) assumed for phone numbers typed without a country code. Default <c>NL</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "NL";

    /// <summary>Recovery codes generated at a time. Default 10; 5 to 20.</summary>
    [Range(5, 20)]
    public int RecoveryCodeCount { get; set; } = 10;
}
