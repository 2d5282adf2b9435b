using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Server.Data;

/// <summary>
/// Indexes beyond Identity's own for the administrators' user list, which must stay fast with
/// hundreds of thousands of accounts: prefix searches on phone number and name (email has Identity's
/// <c>EmailIndex</c>), and the locked-out filter.
/// </summary>
internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.HasIndex(user => user.NormalizedDisplayName);
        builder.HasIndex(user => user.PhoneNumber);
        builder.HasIndex(user => user.LockoutEnd);
    }
}
