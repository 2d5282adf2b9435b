using System.Security.Cryptography;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Identity.Server.Features.SecondFactors.Authenticator;

/// <summary>
/// Authenticator enrolment: a new key waits in a token of its own until the user proves their app
/// has it, and only then becomes Identity's authenticator key (so a half-finished enrolment never
/// replaces a working app, and import can write Identity's key directly).
/// </summary>
public sealed class AuthenticatorKeys(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store)
{
    private const string LoginProvider = "[SecondFactors]";
    private const string PendingKeyName = "PendingAuthenticatorKey";

    /// <summary>The key being enrolled, created on first call (160 bits, as RFC 4226 §4 recommends).</summary>
    public async Task<string> GetOrCreatePendingKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticationTokenAsync(user, LoginProvider, PendingKeyName);
        if (key is null)
        {
            key = Base32.Encode(RandomNumberGenerator.GetBytes(20));
            await users.SetAuthenticationTokenAsync(user, LoginProvider, PendingKeyName, key);
        }

        return key;
    }

    public Task<string?> GetPendingKeyAsync(ApplicationUser user) => users.GetAuthenticationTokenAsync(user, LoginProvider, PendingKeyName);

    /// <summary>Makes the pending key the account's authenticator key.</summary>
    public async Task ConfirmAsync(ApplicationUser user, string key, CancellationToken cancellationToken)
    {
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
        await users.UpdateAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, LoginProvider, PendingKeyName);
    }

    public async Task<bool> HasAuthenticatorAsync(ApplicationUser user) => !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    public Task<IdentityResult> RemoveAsync(ApplicationUser user) =>
        users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");

    /// <summary>The key as people type it: groups of four (<c>ABCD EFGH …</c>).</summary>
    public static string Readable(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk)));

    /// <summary>The otpauth URI (Key Uri Format) as a PNG data URI; rendered here, no outside service sees the key.</summary>
    public static string QrCodeDataUri(string issuer, string account, string key)
    {
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Totp.Digits}&period={Totp.StepSeconds}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
