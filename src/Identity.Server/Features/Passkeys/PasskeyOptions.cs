using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Passkeys;

/// <summary>Passkeys (WebAuthn Level 3): the relying party the browser binds them to, and their limits.</summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "Passkeys";

    /// <summary>
    /// The WebAuthn relying-party id (WebAuthn §5.1.4): a domain that passkeys are bound to for good;
    /// changing it makes every registered passkey unusable. Default: the host of <c>Oidc:Issuer</c>.
    /// Must be the host of <see cref="Origin"/> or a parent domain of it.
    /// </summary>
    [MaxLength(253)]
    public string? ServerDomain { get; set; }

    /// <summary>
    /// The origin (scheme, host and port) the sign-in pages are served from; a signed assertion from any
    /// other origin is refused (phishing resistance, WebAuthn §7.2 step 9). Default: the origin of <c>Oidc:Issuer</c>.
    /// Browsers allow WebAuthn on <c>http://localhost</c>; everywhere else it must be <c>https</c>.
    /// </summary>
    public Uri? Origin { get; set; }

    /// <summary>How long a passkey ceremony (the browser prompt) may take, and how long its challenge is valid.
    /// Default 5 minutes; 30 seconds to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan CeremonyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many passkeys one account may have. Default 20; 1 to 100.</summary>
    [Range(1, 100)]
    public int MaxPasskeysPerAccount { get; set; } = 20;
}
