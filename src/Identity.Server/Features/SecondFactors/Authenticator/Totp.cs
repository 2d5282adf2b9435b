using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Identity.Server.Features.SecondFactors.Authenticator;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA-1, 30-second
/// steps, 6 digits. Our own rather than Identity's provider because replay protection needs to know
/// which time step matched, and because Identity accepts ±2 steps where this accepts one.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long TimeStep(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for a time step (RFC 4226 §5.3 dynamic truncation).</summary>
    public static string Compute(byte[] key, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The time step whose code matches, looking <paramref name="drift"/> steps either side of now for
    /// clocks that are a little off (RFC 6238 §5.2), or null.
    /// </summary>
    public static long? Match(byte[] key, string? code, DateTimeOffset now, int drift = 1)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = TimeStep(now);
        long? matched = null;
        var typed = Encoding.ASCII.GetBytes(code);
        for (var step = current - drift; step <= current + drift; step++)
        {
            // Every candidate is compared, in fixed time, so timing says nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, step)), typed))
            {
                matched ??= step;
            }
        }

        return matched;
    }
}
