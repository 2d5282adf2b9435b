using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Import;

/// <summary>Carrying accounts over from another system: second-factor settings and authenticator keys (RFC 6238).</summary>
public sealed class ImportAccountMigrationTests : IDisposable
{
    private readonly IdentityServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Import_KeepsAuthenticatorAppWorking_WhenKeyIsCarriedOver()
    {
        var run = await _server.ImportAsync(File("authenticator", ImportFiles.AuthenticatorKey));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("JBSW", run.Output + run.Errors);
        Assert.DoesNotContain("warning", run.Errors);
        var (enabled, method, codeAccepted) = await _server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("carol@example.com"))!;
            var code = Totp(ImportFiles.AuthenticatorKey, DateTimeOffset.UtcNow);
            return (await users.GetTwoFactorEnabledAsync(user), user.TwoFactorMethod,
                await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));
        });
        Assert.True(enabled);
        Assert.Equal("authenticator", method);
        Assert.True(codeAccepted);
    }

    [Fact]
    public async Task Import_ChangesSecurityStampOnce_WhenAuthenticatorKeyChanges()
    {
        Assert.Equal(0, (await _server.ImportAsync(File("authenticator", ImportFiles.AuthenticatorKey))).ExitCode);
        var stamp = await StampAsync();

        var again = await _server.ImportAsync(File("authenticator", ImportFiles.AuthenticatorKey.ToLowerInvariant()));
        Assert.Contains("unchanged", again.Output);
        Assert.Equal(stamp, await StampAsync());

        var changed = await _server.ImportAsync(File("authenticator", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Contains("updated (authenticatorKey)", changed.Output);
        Assert.NotEqual(stamp, await StampAsync());
    }

    [Fact]
    public async Task Import_Refuses_WhenAuthenticatorKeyIsNotBase32()
    {
        var run = await _server.ImportAsync(File("authenticator", "not-base32-at-all-0189"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("users[0] (email \"c•••@example.com\"): authenticatorKey is not base32", run.Errors);
        Assert.DoesNotContain("not-base32-at-all", run.Errors);
    }

    private static string File(string method, string key) => $$"""
        { "users": [ { "email": "carol@example.com", "password": "{{TestData.Password}}", "emailConfirmed": true,
                       "twoFactorEnabled": true, "twoFactorMethod": "{{method}}", "authenticatorKey": "{{key}}" } ] }
        """;

    private Task<string> StampAsync() => _server.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetSecurityStampAsync((await users.FindByEmailAsync("carol@example.com"))!);
    });

    /// <summary>The six-digit code an authenticator app shows (RFC 6238 with HMAC-SHA1 and 30-second steps).</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32Decode(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, now.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string value)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(value.Where(char.IsLetterOrDigit).Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
