using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>
/// A token signing or encryption key, kept as a self-signed certificate whose validity window is
/// the key's life: it signs from <see cref="NotBefore"/> and stays published until <see cref="NotAfter"/>.
/// The private key is stored only in Data Protection's protected form.
/// </summary>
public sealed class StoredSigningKey
{
    public Guid Id { get; set; }

    public KeyUse Use { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    /// <summary>The PKCS#12 export of the certificate, protected with Data Protection, base64.</summary>
    public required string ProtectedCertificate { get; set; }
}

public enum KeyUse
{
    Signing = 1,
    Encryption = 2,
}

internal sealed class StoredSigningKeyConfiguration : IEntityTypeConfiguration<StoredSigningKey>
{
    public void Configure(EntityTypeBuilder<StoredSigningKey> builder)
    {
        builder.ToTable("SigningKeys");
        builder.HasIndex(key => new { key.Use, key.NotBefore }).IsUnique();
        builder.Property(key => key.Use).HasConversion<string>().HasMaxLength(16);
    }
}
