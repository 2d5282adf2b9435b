using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Features.Bootstrap;

/// <summary>Whether a setup link may be used now.</summary>
public enum SetupLinkState
{
    /// <summary>The token is the current one and has not expired; no administrator exists.</summary>
    Open,

    /// <summary>Wrong, used or revoked token, or an administrator exists: the page does not exist.</summary>
    NotFound,

    /// <summary>The right token, after its hour.</summary>
    Expired,
}

/// <summary>A freshly issued setup token; redacted in logs.</summary>
public readonly record struct SetupToken(string Value, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"SetupToken {{ ExpiresAt = {ExpiresAt:u} }}";
}

/// <summary>What starting a node did about the setup link.</summary>
public abstract record SetupIssue
{
    /// <summary>This node issued a new link; the previous one, if any, had been used or had expired.</summary>
    public sealed record Issued(SetupToken Token) : SetupIssue;

    /// <summary>A link issued earlier (by this or another node) is still open until then; it was kept.</summary>
    public sealed record AlreadyOpen(DateTimeOffset ExpiresAt) : SetupIssue;
}

/// <summary>
/// The one-time setup token: 256 random bits, of which only the SHA-256 hash is stored, in the shared
/// database so the link works on every node and dies on every node once used. Checked in constant
/// time, valid for one hour, used once: the use is a conditional update that only one request, on
/// any node, can make.
/// </summary>
public sealed class SetupTokenStore(ApplicationDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private IQueryable<SetupLink> Current => db.Set<SetupLink>().Where(row => row.Id == SetupLink.CurrentId);

    /// <summary>Issues a new link unless one is still open: replacing it would silently kill the link
    /// another node printed moments ago, and both nodes accept either link's successor anyway.</summary>
    public async Task<SetupIssue> IssueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(token);
        var expires = now + Lifetime;
        var issued = new SetupIssue.Issued(new SetupToken(token, expires));

        var nowMs = now.ToUnixTimeMilliseconds();
        var replaced = await Current.Where(row => row.UsedAt != null || row.ExpiresAt <= nowMs)
            .ExecuteUpdateAsync(row => row
                .SetProperty(r => r.TokenHash, hash)
                .SetProperty(r => r.ExpiresAt, expires.ToUnixTimeMilliseconds())
                .SetProperty(r => r.UsedAt, (long?)null), cancellationToken);
        if (replaced == 1)
        {
            return issued;
        }

        if (await Current.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } open)
        {
            return new SetupIssue.AlreadyOpen(DateTimeOffset.FromUnixTimeMilliseconds(open.ExpiresAt));
        }

        var row = new SetupLink { Id = SetupLink.CurrentId, TokenHash = hash, ExpiresAt = expires.ToUnixTimeMilliseconds() };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return issued;
        }
        catch (DbUpdateException)
        {
            // Another node issued the first link at the same moment; theirs stands.
            db.Entry(row).State = EntityState.Detached;
            var theirs = await Current.AsNoTracking().SingleAsync(cancellationToken);
            return new SetupIssue.AlreadyOpen(DateTimeOffset.FromUnixTimeMilliseconds(theirs.ExpiresAt));
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<SetupLinkState> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var row = await Current.AsNoTracking().FirstOrDefaultAsync(cancellationToken);

        // Hash first, compare hashes: the comparison takes the same time wherever the inputs differ,
        // and the presented token's length does not matter.
        if (row is null || row.UsedAt is not null || string.IsNullOrEmpty(token) || !CryptographicOperations.FixedTimeEquals(Hash(token), row.TokenHash))
        {
            return SetupLinkState.NotFound;
        }

        return time.GetUtcNow().ToUnixTimeMilliseconds() < row.ExpiresAt ? SetupLinkState.Open : SetupLinkState.Expired;
    }

    /// <summary>Uses the link: true for exactly one caller across all nodes while it is open.</summary>
    /// <returns>The moment of use to give to <see cref="ReopenAsync"/>, or null when the link was not open.</returns>
    public async Task<long?> TryUseAsync(string? token, CancellationToken cancellationToken)
    {
        if (await CheckAsync(token, cancellationToken) != SetupLinkState.Open)
        {
            return null;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = Hash(token!);
        var used = await Current.Where(row => row.TokenHash == hash && row.UsedAt == null && row.ExpiresAt > now)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.UsedAt, now), cancellationToken);
        return used == 1 ? now : null;
    }

    /// <summary>Gives the link back after a use that created nothing (a password the rules refused).</summary>
    public Task ReopenAsync(long usedAt, CancellationToken cancellationToken) =>
        Current.Where(row => row.UsedAt == usedAt)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.UsedAt, (long?)null), cancellationToken);

    /// <summary>Ends the link: an administrator appeared another way.</summary>
    public Task RevokeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return Current.Where(row => row.UsedAt == null).ExecuteUpdateAsync(row => row.SetProperty(r => r.UsedAt, now), cancellationToken);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
