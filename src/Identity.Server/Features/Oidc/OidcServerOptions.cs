using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Oidc;

/// <summary>The authorization server's public identity and token lifetimes.</summary>
public sealed class OidcServerOptions
{
    public const string SectionName = "Oidc";

    /// <summary>The public base URL of the service, as clients and relying parties see it
    /// (the <c>iss</c> of every token). Must be HTTPS outside Development. Default <c>http://localhost:5000/</c>.</summary>
    [Required]
    public Uri Issuer { get; set; } = new("http://localhost:5000/");

    /// <summary>Access token lifetime. A JWT access token cannot be recalled before it expires, so keep
    /// this short. Default 5 minutes; 1 minute to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>ID token lifetime. Default 5 minutes; 1 minute to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Authorization code lifetime. Default 2 minutes; 30 seconds to 10 minutes (RFC 6749 §4.1.2).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Refresh token lifetime; each rotation starts a new one. Default 14 days; 1 hour to 365 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a rotated refresh token may still be redeemed. Default zero: any second use of a
    /// refresh token is treated as theft and revokes the whole grant (RFC 9700 §4.14.2). A client
    /// that retries a refresh whose response was lost must then sign the user in again; raise this
    /// to a few seconds only for clients that cannot avoid such retries. At most 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;
}
