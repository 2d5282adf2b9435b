using Identity.Server.Features.Oidc.Keys;
using Identity.Server.Features.SecondFactors.Authenticator;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data;

/// <summary>
/// The one database of the service: Identity's users and roles, OpenIddict's applications,
/// authorizations, scopes and tokens, the token signing keys, second-factor codes, known devices, the
/// audit log and the Data Protection key ring.
/// Keeping all of them together means any node reading this database can serve any request.
/// The model is the same on every engine; <see cref="SqliteApplicationDbContext"/> and
/// <see cref="PostgresApplicationDbContext"/> carry each engine's migrations.
/// </summary>
public class ApplicationDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Identity's table layout (version 3 adds passkeys); the migrations are built for it.</summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredSigningKey> SigningKeys => Set<StoredSigningKey>();

    /// <summary>Texted and emailed security codes, hashed, with their tries and send history.</summary>
    public DbSet<SecurityCode> SecurityCodes => Set<SecurityCode>();

    /// <summary>The last accepted authenticator time step per account (replay protection).</summary>
    public DbSet<AuthenticatorTimeStep> AuthenticatorTimeSteps => Set<AuthenticatorTimeStep>();

    /// <summary>Browsers each account passed a sign-in challenge on (device ids hashed).</summary>
    public DbSet<Features.NewDevice.KnownDevice> KnownDevices => Set<Features.NewDevice.KnownDevice>();

    /// <summary>The "This wasn't me" links of new-device notices (tokens hashed).</summary>
    public DbSet<Features.NewDevice.SignInNotice> SignInNotices => Set<Features.NewDevice.SignInNotice>();

    /// <summary>Security events, kept for Audit:RetentionPeriod (see <see cref="Features.Audit.IAuditLog"/>).</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Named rows nodes lock to take turns (see <see cref="Coordination.DatabaseLocks"/>).</summary>
    public DbSet<Coordination.ClusterLock> ClusterLocks => Set<Coordination.ClusterLock>();

    /// <summary>Fixed-window counters shared by every node (see <see cref="Coordination.WindowCounters"/>).</summary>
    public DbSet<Coordination.WindowCounter> WindowCounters => Set<Coordination.WindowCounter>();

    /// <summary>Answered passkey ceremonies, until they would have expired (replay protection).</summary>
    public DbSet<Features.Passkeys.UsedPasskeyCeremony> UsedPasskeyCeremonies => Set<Features.Passkeys.UsedPasskeyCeremony>();

    /// <summary>The first-administrator setup link (token hashed).</summary>
    public DbSet<Features.Bootstrap.SetupLink> SetupLinks => Set<Features.Bootstrap.SetupLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
