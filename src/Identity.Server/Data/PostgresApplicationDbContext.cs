using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data;

/// <summary>The model on PostgreSQL; its migrations are in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresApplicationDbContext(DbContextOptions<PostgresApplicationDbContext> options)
    : ApplicationDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The admin search compares prefixes as ranges up to U+10FFFF and pages in index order. That holds
        // in byte order (SQLite's, and the "C" collation); a linguistic collation may ignore U+10FFFF and
        // sort differently, so these columns and their indexes use "C" whatever the database's default.
        var users = builder.Entity<ApplicationUser>();
        users.Property(user => user.NormalizedEmail).UseCollation("C");
        users.Property(user => user.NormalizedDisplayName).UseCollation("C");
        users.Property(user => user.PhoneNumber).UseCollation("C");
    }
}
