using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// A passkey ceremony that was answered: its id is the key, so a second answer with the same ceremony
/// cookie, on any node, is a duplicate insert and refused (WebAuthn §13.4.3). Kept until the ceremony
/// would have expired anyway; prunable after <see cref="ExpiresAt"/>.
/// </summary>
public sealed class UsedPasskeyCeremony
{
    /// <summary>The ceremony's random id (128 bits, hex).</summary>
    public required string Id { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class UsedPasskeyCeremonyConfiguration : IEntityTypeConfiguration<UsedPasskeyCeremony>
{
    public void Configure(EntityTypeBuilder<UsedPasskeyCeremony> builder)
    {
        builder.ToTable("UsedPasskeyCeremonies");
        builder.Property(row => row.Id).HasMaxLength(64);
        builder.HasIndex(row => row.ExpiresAt);
    }
}
