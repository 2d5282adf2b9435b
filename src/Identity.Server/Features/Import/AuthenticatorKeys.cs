namespace Identity.Server.Features.Import;

/// <summary>
/// Authenticator (TOTP, RFC 6238) secrets carried over from another system, in the RFC 4648 §6
/// base32 that authenticator apps and Identity use. Spaces and hyphens (how keys are often shown)
/// and padding are dropped and letters upper-cased, which is the form Identity stores.
/// </summary>
public static class AuthenticatorKeys
{
    /// <summary>RFC 4226 §4 R6: the shared secret MUST be at least 128 bits.</summary>
    public const int MinBits = 128;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Normalize(string key) =>
        new(key.Where(c => c is not (' ' or '-' or '=')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>What is wrong with a key, or null when it is usable.</summary>
    public static string? Problem(string key)
    {
        var normalized = Normalize(key);
        if (normalized.Length == 0 || normalized.Any(c => !Alphabet.Contains(c)))
        {
            return "is not base32 (letters A–Z and digits 2–7)";
        }

        // A base32 string of n characters carries 5n bits; lengths 1, 3 and 6 (mod 8) end mid-byte and are malformed.
        if (normalized.Length % 8 is 1 or 3 or 6)
        {
            return "is not base32: its length does not end on a whole byte";
        }

        return normalized.Length * 5 / 8 * 8 < MinBits
            ? $"is shorter than {MinBits} bits (at least 26 base32 characters)"
            : null;
    }
}
