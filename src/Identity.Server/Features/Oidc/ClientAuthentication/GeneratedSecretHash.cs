using System.Security.Cryptography;
using System.Text;

namespace Identity.Server.Features.Oidc.ClientAuthentication;

/// <summary>
/// The stored form of a client secret the server generated itself (256 random bits, see
/// <see cref="Admin.Clients.ClientSecrets"/>): <c>sha256:</c> followed by the base64 SHA-256 of the secret.
/// </summary>
/// <remarks>
/// A slow, salted hash (OpenIddict's PBKDF2) exists to make offline guessing of low-entropy secrets
/// expensive after a database leak. A 256-bit random secret cannot be guessed at any hashing cost, so one
/// SHA-256 is as safe for it and costs microseconds instead of milliseconds on every token request.
/// The hash is still what is stored (a leaked database does not reveal the secret) and is compared in
/// constant time. Secrets a person chose (an import file's <c>clientSecret</c>) keep the slow hash.
/// </remarks>
public static class GeneratedSecretHash
{
    /// <summary>Marks the format; OpenIddict's own hashes are plain base64 and never contain a colon.</summary>
    public const string Prefix = "sha256:";

    public static string Compute(string secret) => Prefix + Convert.ToBase64String(Digest(secret));

    public static bool IsGeneratedFormat(string? stored) =>
        stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal)
        && Convert.TryFromBase64String(stored[Prefix.Length..], new byte[SHA256.HashSizeInBytes], out var written)
        && written == SHA256.HashSizeInBytes;

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="stored"/> was computed from, in time
    /// independent of where they differ.</summary>
    public static bool Verify(string secret, string stored)
    {
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64String(stored[Prefix.Length..], expected, out var written) || written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(secret), expected);
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
