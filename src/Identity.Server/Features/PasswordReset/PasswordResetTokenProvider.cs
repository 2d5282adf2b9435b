using Identity.Server.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.PasswordReset;

/// <summary>
/// Identity's data-protection token provider under a name of its own, so reset links get their own
/// (shorter) lifetime instead of the one-day default that email confirmation links keep.
/// </summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<PasswordResetTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

/// <summary>The provider's settings; <see cref="PasswordResetOptions.LinkLifetime"/> sets the lifespan.</summary>
public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenProviderOptions() => Name = PasswordResetTokenProvider.ProviderName;
}
