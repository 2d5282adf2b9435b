using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Data.Coordination;

/// <summary>
/// A named row that nodes sharing the database lock to take turns: updating it inside a transaction
/// (<see cref="DatabaseLocks.InTransactionAsync{T}"/>) or leasing it for a while (<see cref="DatabaseLocks.LeaseAsync"/>).
/// The rows are created by the migration and never deleted.
/// </summary>
public sealed class ClusterLock
{
    public required string Name { get; set; }

    /// <summary>Bumped by every transaction that takes the lock; the write is what holds it.</summary>
    public long Version { get; set; }

    /// <summary>Until when (Unix milliseconds) a lease is held; 0 when free. A holder that dies loses it then.</summary>
    public long LeasedUntil { get; set; }

    /// <summary>A random id of the lease holder, so only it can release the lease early.</summary>
    public string? LeaseHolder { get; set; }
}

/// <summary>The lock rows there are.</summary>
public static class ClusterLockNames
{
    /// <summary>Changes that could remove the last active administrator.</summary>
    public const string Administrators = "administrators";

    /// <summary>Creating and retiring token keys (and the Data Protection key they are protected with).</summary>
    public const string Keys = "keys";

    /// <summary>Counting and recording texted and emailed code sends.</summary>
    public const string CodeSends = "code-sends";

    public static readonly string[] All = [Administrators, Keys, CodeSends];
}

internal sealed class ClusterLockConfiguration : IEntityTypeConfiguration<ClusterLock>
{
    public void Configure(EntityTypeBuilder<ClusterLock> builder)
    {
        builder.ToTable("ClusterLocks");
        builder.HasKey(row => row.Name);
        builder.Property(row => row.Name).HasMaxLength(64);
        builder.Property(row => row.LeaseHolder).HasMaxLength(64);
        builder.HasData(ClusterLockNames.All.Select(name => new ClusterLock { Name = name }));
    }
}
