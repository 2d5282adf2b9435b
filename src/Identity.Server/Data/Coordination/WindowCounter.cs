using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Data.Coordination;

/// <summary>
/// How many times something happened for one key (an address, an account) in its current window,
/// shared by every node. A window starts at the first hit after the previous one ended, as ASP.NET
/// Core's fixed-window limiter does. Rows are useless once <see cref="ExpiresAt"/> has passed and may be pruned.
/// </summary>
public sealed class WindowCounter
{
    /// <summary>What is counted and for whom, e.g. <c>account-forms:192.0.2.1</c>.</summary>
    public required string Key { get; set; }

    /// <summary>Start of the window, Unix milliseconds.</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>End of the window, Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class WindowCounterConfiguration : IEntityTypeConfiguration<WindowCounter>
{
    public void Configure(EntityTypeBuilder<WindowCounter> builder)
    {
        builder.ToTable("WindowCounters");
        builder.HasKey(row => row.Key);
        builder.Property(row => row.Key).HasMaxLength(200);
        builder.HasIndex(row => row.ExpiresAt);
    }
}
