using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Identity.Server.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>Creates, rotates and loads the token keys kept in the database.</summary>
public sealed class SigningKeyStore(
    ApplicationDbContext db,
    IDataProtectionProvider dataProtection,
    IOptions<SigningKeyOptions> options,
    TimeProvider time,
    ILogger<SigningKeyStore> logger)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Identity.Server.SigningKeys.v1");

    /// <summary>Applies the rotation policy: creates missing or upcoming keys and drops expired ones.
    /// Run under the keys lease (<see cref="KeyRotationService.RefreshAsync"/>).</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        // The Data Protection key that protects the private keys is created on first use. Using it here,
        // under the lease, means the first node to start creates it and every other node finds it,
        // instead of each node creating its own and signing keys the others cannot unprotect.
        _protector.Protect([0]);

        var now = time.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking()
            .Select(key => new KeyWindow(key.Id, key.Use, key.NotBefore, key.NotAfter))
            .ToListAsync(cancellationToken);

        var plan = KeyRotationPolicy.Plan(keys, now, options.Value);
        if (plan.IsEmpty)
        {
            return;
        }

        await db.SigningKeys.Where(key => plan.Delete.Contains(key.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (use, notBefore, notAfter) in plan.Create)
        {
            db.SigningKeys.Add(CreateKey(use, notBefore, notAfter, now));
            logger.LogInformation("Created a new {KeyUse} key, active from {NotBefore:o} until {NotAfter:o}", use, notBefore, notAfter);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (plan.Create.Count > 0)
        {
            // Another node created the same key first (unique use + activation time); theirs is as good.
            db.ChangeTracker.Clear();
            logger.LogInformation("Another node rotated the keys first");
        }
    }

    /// <summary>Loads every key that may still sign, encrypt, verify or decrypt a live token.</summary>
    public async Task<IReadOnlyList<(KeyUse Use, X509Certificate2 Certificate)>> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A handful of rows: filtered here because SQLite cannot compare DateTimeOffset values.
        var stored = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);

        return stored
            .Where(key => key.NotAfter > now)
            .Select(key => (key.Use, X509CertificateLoader.LoadPkcs12(
                _protector.Unprotect(Convert.FromBase64String(key.ProtectedCertificate)),
                password: null,
                X509KeyStorageFlags.EphemeralKeySet)))
            .ToList();
    }

    private StoredSigningKey CreateKey(KeyUse use, DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(
            $"CN=Identity Server {use} Key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == KeyUse.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment,
            critical: true));

        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return new StoredSigningKey
        {
            Id = Guid.NewGuid(),
            Use = use,
            CreatedAt = now,
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
            ProtectedCertificate = Convert.ToBase64String(_protector.Protect(certificate.Export(X509ContentType.Pkcs12))),
        };
    }
}
