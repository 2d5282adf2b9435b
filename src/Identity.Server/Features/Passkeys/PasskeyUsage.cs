using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// When each passkey was last used. Identity's passkey record has no such field, so it is kept as a user
/// token named after a hash of the credential id (token names are at most 128 characters; ids up to 1023 bytes).
/// </summary>
public sealed class PasskeyUsage(UserManager<ApplicationUser> users, TimeProvider time)
{
    private const string Provider = "[Passkeys]";

    public Task RecordAsync(ApplicationUser user, byte[] credentialId) =>
        users.SetAuthenticationTokenAsync(user, Provider, TokenName(credentialId), time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));

    public async Task<DateTimeOffset?> LastUsedAsync(ApplicationUser user, byte[] credentialId) =>
        DateTimeOffset.TryParse(await users.GetAuthenticationTokenAsync(user, Provider, TokenName(credentialId)), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var used)
            ? used
            : null;

    public Task ForgetAsync(ApplicationUser user, byte[] credentialId) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, TokenName(credentialId));

    private static string TokenName(byte[] credentialId) => "used:" + Base64Url.EncodeToString(SHA256.HashData(credentialId));
}
