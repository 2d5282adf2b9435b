namespace Identity.Server.Data;

/// <summary>
/// How the Data Protection key ring is encrypted at rest. The ring protects session cookies, account
/// links and the private token signing keys, and it lives in the database; with a certificate, a copy
/// of the database alone no longer yields those keys.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Path to a PKCS#12 (.pfx) certificate with a private key that encrypts the key ring.
    /// Default none: the ring is stored unencrypted, which the server warns about outside Development.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of that certificate file, from the environment or user-secrets.</summary>
    public string? CertificatePassword { get; set; }
}
