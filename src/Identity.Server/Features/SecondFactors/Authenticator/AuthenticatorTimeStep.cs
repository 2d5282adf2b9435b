using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Features.SecondFactors.Authenticator;

/// <summary>
/// The last authenticator time step accepted for an account: a code from that step or an earlier one
/// is a replay (RFC 6238 §5.2). A table of its own, because Identity rewrites the whole user row on
/// every update and would put back a stale value.
/// </summary>
public sealed class AuthenticatorTimeStep
{
    public required string UserId { get; set; }

    public long LastTimeStep { get; set; }
}

internal sealed class AuthenticatorTimeStepConfiguration : IEntityTypeConfiguration<AuthenticatorTimeStep>
{
    public void Configure(EntityTypeBuilder<AuthenticatorTimeStep> builder)
    {
        builder.ToTable("AuthenticatorTimeSteps");
        builder.HasKey(step => step.UserId);
        builder.Property(step => step.UserId).HasMaxLength(450);
    }
}
