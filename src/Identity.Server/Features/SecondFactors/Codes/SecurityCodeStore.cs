using System.Security.Cryptography;
using System.Text;
using Identity.Server.Data;
using Identity.Server.Data.Coordination;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors.Codes;

/// <summary>
/// Issues and checks texted and emailed codes with the rules a bank would set: CSPRNG digits,
/// stored as a salted HMAC, a lifetime, a bounded number of wrong tries, single use, a new code
/// replacing the old one, a resend cooldown and hourly send caps per account, destination and client
/// IP (SMS pumping). Everything is counted in the database so every node sees the same numbers.
/// </summary>
public sealed class SecurityCodeStore(ApplicationDbContext db, DatabaseLocks locks, TimeProvider time, IOptions<SecondFactorOptions> options)
{
    /// <summary>How long a code's row is kept after it was created: well past the hour the send caps count.</summary>
    public static readonly TimeSpan RowLifetime = TimeSpan.FromDays(1);

    private SecondFactorOptions Options => options.Value;

    /// <summary>
    /// Counts and records the send under the code-sends lock: counted first and inserted after, two
    /// requests racing (on one node or two) would both see one send below the cap and both send.
    /// Sends are rare enough that taking turns across the cluster costs nothing noticeable.
    /// </summary>
    public Task<CodeIssue> IssueAsync(CodeRequest request, CancellationToken cancellationToken) =>
        locks.InTransactionAsync(ClusterLockNames.CodeSends, () => IssueNowAsync(request, cancellationToken), issue => issue is CodeIssue.Issued, cancellationToken);

    private async Task<CodeIssue> IssueNowAsync(CodeRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hourAgo = now - (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var recent = db.Set<SecurityCode>().AsNoTracking().Where(code => code.CreatedAt > hourAgo);

        var last = await recent.Where(code => code.UserId == request.UserId && code.Purpose == request.Purpose)
            .OrderByDescending(code => code.CreatedAt).Select(code => (long?)code.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var readyAt = last + (long)Options.ResendCooldown.TotalMilliseconds;
        if (readyAt > now)
        {
            return new CodeIssue.CoolingDown(TimeSpan.FromMilliseconds(readyAt.Value - now));
        }

        if (await recent.CountAsync(code => code.UserId == request.UserId, cancellationToken) >= Options.SendsPerUserPerHour
            || await recent.CountAsync(code => code.Destination == request.Destination, cancellationToken) >= Options.SendsPerDestinationPerHour
            || (request.ClientIp is not null
                && await recent.CountAsync(code => code.ClientIp == request.ClientIp, cancellationToken) >= Options.SendsPerIpPerHour))
        {
            return new CodeIssue.Capped();
        }

        await RetireAsync(request.UserId, request.Purpose, now, cancellationToken);
        return await InsertAsync(request, now, cancellationToken);
    }

    /// <summary>Checks a typed code against the live code for the purpose; each check counts as a try.</summary>
    public async Task<CodeCheck> CheckAsync(string userId, string purpose, string? input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var live = await db.Set<SecurityCode>().AsNoTracking()
            .Where(code => code.UserId == userId && code.Purpose == purpose && code.ConsumedAt == null)
            .OrderByDescending(code => code.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (live is null || live.ExpiresAt <= now)
        {
            return new CodeCheck(CodeCheckStatus.Expired);
        }

        // Count the try before comparing, in one conditional update, so parallel guesses cannot
        // exceed the limit between a read and a write.
        var counted = await db.Set<SecurityCode>()
            .Where(code => code.Id == live.Id && code.ConsumedAt == null && code.Attempts < Options.MaxCodeAttempts)
            .ExecuteUpdateAsync(code => code.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (counted == 0)
        {
            return new CodeCheck(CodeCheckStatus.TooManyAttempts);
        }

        var hash = HashCode(live.Salt, purpose, userId, OneTimeCode.Clean(input));
        if (!CryptographicOperations.FixedTimeEquals(hash, live.CodeHash))
        {
            return new CodeCheck(live.Attempts + 1 >= Options.MaxCodeAttempts ? CodeCheckStatus.TooManyAttempts : CodeCheckStatus.Invalid);
        }

        return await ConsumeAsync(live, now, cancellationToken);
    }

    /// <summary>Redeems a one-tap link: the row id and the token it carried.</summary>
    public async Task<CodeCheck> CheckLinkAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = await db.Set<SecurityCode>().AsNoTracking().FirstOrDefaultAsync(code => code.Id == id, cancellationToken);
        if (row?.LinkHash is null || string.IsNullOrEmpty(token) || row.ConsumedAt is not null || row.ExpiresAt <= now)
        {
            return new CodeCheck(CodeCheckStatus.Expired);
        }

        return CryptographicOperations.FixedTimeEquals(HashLink(row.Salt, token), row.LinkHash)
            ? await ConsumeAsync(row, now, cancellationToken)
            : new CodeCheck(CodeCheckStatus.Invalid);
    }

    /// <summary>Where the live code for a link went, without using it (for the confirmation page).</summary>
    public async Task<string?> PeekLinkDestinationAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = await db.Set<SecurityCode>().AsNoTracking().FirstOrDefaultAsync(code => code.Id == id, cancellationToken);
        return row?.LinkHash is not null && !string.IsNullOrEmpty(token) && row.ConsumedAt is null && row.ExpiresAt > now
            && CryptographicOperations.FixedTimeEquals(HashLink(row.Salt, token), row.LinkHash)
            ? row.Destination
            : null;
    }

    /// <summary>Whether an unused, unexpired code exists, so a page reload does not send another.</summary>
    public Task<bool> HasLiveCodeAsync(string userId, string purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return db.Set<SecurityCode>().AnyAsync(
            code => code.UserId == userId && code.Purpose == purpose && code.ConsumedAt == null && code.ExpiresAt > now
                && code.Attempts < Options.MaxCodeAttempts,
            cancellationToken);
    }

    /// <summary>Kills the live codes for a purpose (a failed delivery, a cancelled change).</summary>
    public Task RetireAsync(string userId, string purpose, CancellationToken cancellationToken) =>
        RetireAsync(userId, purpose, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);

    private Task<int> RetireAsync(string userId, string purpose, long now, CancellationToken cancellationToken) =>
        db.Set<SecurityCode>()
            .Where(code => code.UserId == userId && code.Purpose == purpose && code.ConsumedAt == null)
            .ExecuteUpdateAsync(code => code.SetProperty(c => c.ConsumedAt, now), cancellationToken);

    private async Task<CodeIssue> InsertAsync(CodeRequest request, long now, CancellationToken cancellationToken)
    {
        // Rows are kept an hour after creation for the caps; older ones go as new ones come.
        var dayAgo = now - (long)RowLifetime.TotalMilliseconds;
        await db.Set<SecurityCode>().Where(code => code.CreatedAt < dayAgo).ExecuteDeleteAsync(cancellationToken);

        var code = OneTimeCode.Generate();
        var salt = RandomNumberGenerator.GetBytes(16);
        var link = request.WithLink ? WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)) : null;
        var row = new SecurityCode
        {
            Id = Guid.NewGuid(),
            UserId = request.UserId,
            Purpose = request.Purpose,
            Channel = request.Channel,
            Destination = request.Destination,
            ClientIp = request.ClientIp,
            Salt = salt,
            CodeHash = HashCode(salt, request.Purpose, request.UserId, code.Value),
            LinkHash = link is null ? null : HashLink(salt, link),
            CreatedAt = now,
            ExpiresAt = now + (long)Options.CodeLifetime.TotalMilliseconds,
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
        return new CodeIssue.Issued(row.Id, code, link);
    }

    private async Task<CodeCheck> ConsumeAsync(SecurityCode row, long now, CancellationToken cancellationToken)
    {
        // Single use even under parallel redemption: only one update finds the code unconsumed.
        var consumed = await db.Set<SecurityCode>()
            .Where(code => code.Id == row.Id && code.ConsumedAt == null)
            .ExecuteUpdateAsync(code => code.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        return consumed == 1
            ? new CodeCheck(CodeCheckStatus.Valid, row.UserId, row.Destination)
            : new CodeCheck(CodeCheckStatus.Expired);
    }

    /// <summary>HMAC-SHA256 keyed with the row's random salt, over the purpose, the account and the code,
    /// so a stored hash proves nothing for another account or purpose.</summary>
    internal static byte[] HashCode(byte[] salt, string purpose, string userId, string code) =>
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes($"code\n{purpose}\n{userId}\n{code}"));

    private static byte[] HashLink(byte[] salt, string token) =>
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes($"link\n{token}"));
}
