using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>How token signing and encryption keys are rotated.</summary>
public sealed class SigningKeyOptions
{
    public const string SectionName = "SigningKeys";

    /// <summary>How long a key signs (or encrypts) new tokens before the next one takes over.
    /// Default 90 days; 1 hour to 3 years.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "1095.00:00:00")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long before it takes over a new key is published in the JWKS, so that relying
    /// parties that cache the key set know it before they see a token signed with it.
    /// Default 2 days; at most the rotation interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan PrepublishPeriod { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a retired key stays published and able to verify or decrypt. It must outlive
    /// every token the key made, so at least the refresh token lifetime. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each node checks whether a key must be created or retired. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
