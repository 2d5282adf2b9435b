using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.SecondFactors.Codes;

/// <summary>
/// One texted or emailed security code. Only a salted HMAC of the code (and of the one-tap link token)
/// is kept. Rows outlive their code for an hour so sends can be counted across nodes; times are Unix
/// milliseconds so the database can compare them.
/// </summary>
public sealed class SecurityCode
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>What the code proves, see <see cref="CodePurposes"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary><c>sms</c> or <c>email</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The E.164 number or email address the code went to.</summary>
    public required string Destination { get; set; }

    public string? ClientIp { get; set; }

    public required byte[] Salt { get; set; }

    public required byte[] CodeHash { get; set; }

    public byte[]? LinkHash { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the code was used, or replaced by a newer one; a consumed code never verifies.</summary>
    public long? ConsumedAt { get; set; }
}

/// <summary>What a code is for; a code for one purpose never proves another.</summary>
public static class CodePurposes
{
    public const string SignIn = "sign-in";
    public const string VerifyPhone = "verify-phone";
}

internal sealed class SecurityCodeConfiguration : IEntityTypeConfiguration<SecurityCode>
{
    public void Configure(EntityTypeBuilder<SecurityCode> builder)
    {
        builder.ToTable("SecurityCodes");
        builder.Property(code => code.UserId).HasMaxLength(450);
        builder.Property(code => code.Purpose).HasMaxLength(32);
        builder.Property(code => code.Channel).HasMaxLength(16);
        builder.Property(code => code.Destination).HasMaxLength(256);
        builder.Property(code => code.ClientIp).HasMaxLength(64);
        builder.HasIndex(code => new { code.UserId, code.Purpose, code.CreatedAt });
        builder.HasIndex(code => new { code.Destination, code.CreatedAt });
        builder.HasIndex(code => new { code.ClientIp, code.CreatedAt });
    }
}
