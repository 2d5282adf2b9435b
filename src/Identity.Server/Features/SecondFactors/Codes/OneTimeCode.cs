using System.Security.Cryptography;

namespace Identity.Server.Features.SecondFactors.Codes;

/// <summary>A plain security code on its way to the user; redacted in logs and debuggers.</summary>
public sealed record OneTimeCode(string Value)
{
    /// <summary>Six digits from a CSPRNG, leading zeros kept.</summary>
    public static OneTimeCode Generate() =>
        new(RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What a person typed, without the spaces and dashes they may have copied along.</summary>
    public static string Clean(string? input) =>
        new((input ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    public override string ToString() => "******";
}
