using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// The "This wasn't me" link of one new-device notice. Kept apart from the device, so whoever signed in
/// cannot void the owner's link by forgetting the device; only a hash of the link token is stored.
/// </summary>
public sealed class SignInNotice
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link was used; a used link never works again.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class SignInNoticeConfiguration : IEntityTypeConfiguration<SignInNotice>
{
    public void Configure(EntityTypeBuilder<SignInNotice> builder)
    {
        builder.ToTable("SignInNotices");
        builder.Property(notice => notice.UserId).HasMaxLength(450);
        builder.Property(notice => notice.TokenHash).HasMaxLength(32);
        builder.HasIndex(notice => notice.UserId);
        builder.HasOne<Data.ApplicationUser>().WithMany().HasForeignKey(notice => notice.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
