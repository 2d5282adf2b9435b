using System.Security.Cryptography;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// The single-use "This wasn't me" links of new-device notices: a 256-bit random token, of which only
/// the SHA-256 is stored, valid for <see cref="NewDeviceOptions.NoticeLinkLifetime"/> and once.
/// </summary>
public sealed class NotMeLinks(ApplicationDbContext db, EmailLinks links, IOptions<NewDeviceOptions> options, TimeProvider time)
{
    public const string Path = "/account/not-me";

    public async Task<string> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(32);
        var notice = new SignInNotice
        {
            UserId = userId,
            TokenHash = SHA256.HashData(token),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow() + options.Value.NoticeLinkLifetime,
        };
        db.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return links.To(Path, new Dictionary<string, string?> { ["id"] = notice.Id.ToString("N"), ["token"] = WebEncoders.Base64UrlEncode(token) });
    }

    /// <summary>The live notice a link names, or null when it is unknown, damaged, expired or used.</summary>
    public async Task<SignInNotice?> FindLiveAsync(string? id, string? token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var noticeId) || Decode(token) is not { } bytes
            || await db.Set<SignInNotice>().SingleOrDefaultAsync(notice => notice.Id == noticeId, cancellationToken) is not { } notice)
        {
            return null;
        }

        var live = notice.UsedAt is null && notice.ExpiresAt > time.GetUtcNow()
            && CryptographicOperations.FixedTimeEquals(notice.TokenHash, SHA256.HashData(bytes));
        return live ? notice : null;
    }

    /// <summary>Uses a link up: true only for the one request that changed it from live to used.</summary>
    public async Task<bool> UseAsync(SignInNotice notice, CancellationToken cancellationToken)
    {
        // A conditional update, so two clicks at once cannot both act on the link.
        var now = time.GetUtcNow();
        return await db.Set<SignInNotice>().Where(row => row.Id == notice.Id && row.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(row => row.UsedAt, now), cancellationToken) == 1;
    }

    private static byte[]? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
