using Identity.Server.Features.Oidc.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data;

/// <summary>
/// The one database of the service: Identity's users and roles, OpenIddict's applications,
/// authorizations, scopes and tokens, the token signing keys, the audit log and the Data Protection
/// key ring.
/// Keeping all of them together means any node reading this database can serve any request.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredSigningKey> SigningKeys => Set<StoredSigningKey>();

    /// <summary>Security events, kept for Audit:RetentionPeriod (see <see cref="Features.Audit.IAuditLog"/>).</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
