using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// A browser an account has passed a sign-in challenge on. One row per account and device id: the same
/// cookie under another account is another row, made only when that account passes its own challenge.
/// </summary>
public sealed class KnownDevice
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the device id in the cookie; the id itself is never stored.</summary>
    public required byte[] DeviceIdHash { get; set; }

    /// <summary>The browser family read from the user agent ("Chrome"), or null when unrecognised.</summary>
    public string? Browser { get; set; }

    /// <summary>The operating system read from the user agent ("Windows"), or null when unrecognised.</summary>
    public string? Platform { get; set; }

    /// <summary>A name the owner gave the device, shown instead of browser and platform.</summary>
    public string? Name { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public string? LastIp { get; set; }

    /// <summary>The owner asked not to be asked for a second factor on this browser again.</summary>
    public bool Trusted { get; set; }

    /// <summary>Raised to end the sessions on this device; a session carries the number it was issued under.</summary>
    public int SessionVersion { get; set; }
}

internal sealed class KnownDeviceConfiguration : IEntityTypeConfiguration<KnownDevice>
{
    public const int NameLength = 64;

    public void Configure(EntityTypeBuilder<KnownDevice> builder)
    {
        builder.ToTable("KnownDevices");
        builder.Property(device => device.UserId).HasMaxLength(450);
        builder.Property(device => device.DeviceIdHash).HasMaxLength(32);
        builder.Property(device => device.Browser).HasMaxLength(32);
        builder.Property(device => device.Platform).HasMaxLength(32);
        builder.Property(device => device.Name).HasMaxLength(NameLength);
        builder.Property(device => device.LastIp).HasMaxLength(64);
        builder.HasIndex(device => new { device.UserId, device.DeviceIdHash }).IsUnique();
        builder.HasOne<Data.ApplicationUser>().WithMany().HasForeignKey(device => device.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
