using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Data;

/// <summary>
/// The audit table, indexed for the admin page's filters: by time, and by user (as subject or actor)
/// or event type within time. The time is stored as Unix milliseconds, because SQLite can neither
/// compare nor sort EF Core's text form of <see cref="DateTimeOffset"/>.
/// </summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.OccurredAt)
            .HasConversion(value => value.ToUnixTimeMilliseconds(), value => DateTimeOffset.FromUnixTimeMilliseconds(value));
        builder.Property(e => e.EventType).HasMaxLength(AuditEvent.EventTypeMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditEvent.OutcomeMaxLength);
        builder.Property(e => e.ActorUserId).HasMaxLength(AuditEvent.UserIdMaxLength);
        builder.Property(e => e.SubjectUserId).HasMaxLength(AuditEvent.UserIdMaxLength);
        builder.Property(e => e.ClientId).HasMaxLength(AuditEvent.ClientIdMaxLength);
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEvent.IpAddressMaxLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEvent.DetailsMaxLength);

        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.SubjectUserId, e.OccurredAt });
        builder.HasIndex(e => new { e.ActorUserId, e.OccurredAt });
        builder.HasIndex(e => new { e.EventType, e.OccurredAt });
    }
}
