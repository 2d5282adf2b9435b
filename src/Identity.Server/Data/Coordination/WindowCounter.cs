using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Data.Coordination;

/// <summary>
/// How many times something happened for one key (an address, an account) in one fixed time window,
/// shared by every node. Rows are useless once <see cref="ExpiresAt"/> has passed and may be pruned.
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
        builder.HasKey(row => new { row.Key, row.WindowStart });
        builder.Property(row => row.Key).HasMaxLength(200);
        builder.HasIndex(row => row.ExpiresAt);
    }
}
