using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Identity.Bench;

/// <summary>What the driver knows about the data it imported: the client's secret, the users' password and keys.</summary>
public sealed record BenchSecrets(string ClientId, string ClientSecret, string RedirectUri, string Password, List<BenchUser> Users)
{
    public static async Task<BenchSecrets> ReadAsync(string path) =>
        JsonSerializer.Deserialize<BenchSecrets>(await File.ReadAllTextAsync(path))!;
}

public sealed record BenchUser(string Email, string AuthenticatorKey);

/// <summary>
/// Writes the server's import file: one confidential client and many users with an authenticator. The
/// client's secret is 256 random bits, given as its stored SHA-256 form, as the server stores the secrets
/// it generates itself. Every user gets the same password hash (one PBKDF2 run instead of thousands).
/// </summary>
public static class BenchData
{
    public const string ClientId = "bench";
    public const string RedirectUri = "http://127.0.0.1:9/callback";

    public static async Task<int> PrepareAsync(Arguments args)
    {
        var folder = args.Get("out");
        var count = args.Int("users", 3000);
        var password = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var passwordHash = new PasswordHasher<object>().HashPassword(new object(), password);

        var users = Enumerable.Range(0, count)
            .Select(i => new BenchUser($"user{i}@bench.example", Totp.Base32(RandomNumberGenerator.GetBytes(20))))
            .ToList();
        var import = new
        {
            scopes = new[] { new { name = "api", displayName = "Benchmark API", resources = new[] { "api" } } },
            clients = new[]
            {
                new
                {
                    clientId = ClientId,
                    clientSecretHash = "sha256:" + Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))),
                    displayName = "Benchmark",
                    redirectUris = new[] { RedirectUri },
                    grantTypes = new[] { "authorization_code", "refresh_token", "client_credentials" },
                    scopes = new[] { "openid", "profile", "offline_access", "api" },
                    consent = "implicit",
                },
            },
            users = users.Select(user => new
            {
                email = user.Email,
                passwordHash,
                emailConfirmed = true,
                twoFactorEnabled = true,
                twoFactorMethod = "authenticator",
                authenticatorKey = user.AuthenticatorKey,
            }),
        };

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "import.json"), JsonSerializer.Serialize(import));
        await File.WriteAllTextAsync(Path.Combine(folder, "secrets.json"),
            JsonSerializer.Serialize(new BenchSecrets(ClientId, secret, RedirectUri, password, users)));
        Console.WriteLine($"Wrote {count} users and client '{ClientId}' to {folder}/import.json");
        return 0;
    }
}
