using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.Bootstrap;

/// <summary>
/// The one first-administrator setup link, shared by every node: only the SHA-256 hash of its token,
/// when it expires and when it was used. One row at most (<see cref="CurrentId"/>); prunable after
/// <see cref="ExpiresAt"/>.
/// </summary>
public sealed class SetupLink
{
    public const int CurrentId = 1;

    public int Id { get; set; }

    public required byte[] TokenHash { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>When the link created an administrator or was revoked (Unix milliseconds); null while open.</summary>
    public long? UsedAt { get; set; }
}

internal sealed class SetupLinkConfiguration : IEntityTypeConfiguration<SetupLink>
{
    public void Configure(EntityTypeBuilder<SetupLink> builder)
    {
        builder.ToTable("SetupLinks");
        builder.Property(row => row.Id).ValueGeneratedNever();
        builder.Property(row => row.TokenHash).HasMaxLength(32);
        builder.HasIndex(row => row.ExpiresAt);
    }
}
