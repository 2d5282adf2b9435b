using System.Security.Cryptography;
using System.Text;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Identity.Server.Features.SecondFactors.RecoveryCodes;

/// <summary>
/// Identity's user store, except that recovery codes are kept as SHA-256 hashes instead of in clear:
/// a leaked database then yields no usable codes. <see cref="UserManager{TUser}.GenerateNewTwoFactorRecoveryCodesAsync"/>
/// still returns the plain codes once, to be shown; <see cref="UserManager{TUser}.RedeemTwoFactorRecoveryCodeAsync"/>
/// hashes what was typed and removes the match, so each code works once.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(ApplicationDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ApplicationDbContext>(context, describer)
{
    private const string Prefix = "sha256:";

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(code => Hash(user.Id, code)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken = default)
    {
        var stored = await GetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", cancellationToken) ?? string.Empty;
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var typed = Encoding.ASCII.GetBytes(Hash(user.Id, code));
        var match = hashes.FirstOrDefault(hash => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), typed));
        if (match is null)
        {
            return false;
        }

        hashes.Remove(match);
        await base.ReplaceCodesAsync(user, hashes, cancellationToken);
        return true;
    }

    /// <summary>Codes are random (50 bits), so a fast hash salted with the account id is enough.</summary>
    internal static string Hash(string userId, string code)
    {
        var normalized = code.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId + ":" + normalized)));
    }
}
