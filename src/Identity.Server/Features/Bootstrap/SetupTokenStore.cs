using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

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

/// <summary>
/// The one-time setup token: 256 random bits, of which only the SHA-256 hash stays in memory, so a
/// memory dump or a debugger shows nothing that opens the page. Checked in constant time, valid for
/// one hour, usable once. In memory only: a restart issues a new one and the old link dies.
/// </summary>
public sealed class SetupTokenStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private byte[]? _hash;
    private DateTimeOffset _expiresAt;

    /// <summary>Held while a setup request checks and uses the token, so two requests racing with the
    /// same link cannot both create an administrator.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SetupToken Issue()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        lock (_lock)
        {
            _hash = Hash(token);
            _expiresAt = time.GetUtcNow() + Lifetime;
            return new SetupToken(token, _expiresAt);
        }
    }

    public SetupLinkState Check(string? token)
    {
        lock (_lock)
        {
            // Hash first, compare hashes: the comparison takes the same time wherever the inputs differ,
            // and the presented token's length does not matter.
            if (_hash is null || string.IsNullOrEmpty(token) || !CryptographicOperations.FixedTimeEquals(Hash(token), _hash))
            {
                return SetupLinkState.NotFound;
            }

            return time.GetUtcNow() < _expiresAt ? SetupLinkState.Open : SetupLinkState.Expired;
        }
    }

    /// <summary>Ends the token: after its one use, or when an administrator appears another way.</summary>
    public void Revoke()
    {
        lock (_lock)
        {
            _hash = null;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
