using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// A browser's 256-bit random device identifier. It works like a bearer secret, so it never prints and
/// the database keeps only its SHA-256 (a leaked table yields no live cookies; the id is random, so no salt is needed).
/// </summary>
public sealed class DeviceId
{
    public const int Length = 32;

    private readonly byte[] _value;

    private DeviceId(byte[] value) => _value = value;

    public static DeviceId New() => new(RandomNumberGenerator.GetBytes(Length));

    public static DeviceId? FromBytes(byte[]? value) => value is { Length: Length } ? new DeviceId(value) : null;

    public byte[] Hash() => SHA256.HashData(_value);

    public string Encode() => WebEncoders.Base64UrlEncode(_value);

    public override string ToString() => "DeviceId(•••)";
}
