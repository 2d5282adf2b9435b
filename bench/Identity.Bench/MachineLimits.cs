using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Identity.Bench;

/// <summary>
/// What this machine can do at most, on all cores, for the two costs that bound the figures: RS256
/// signatures with a 2048-bit RSA key (every JWT the server issues) and password hashes with ASP.NET Core
/// Identity's PasswordHasher at the server's settings (its defaults: PBKDF2-HMAC-SHA512, 100,000
/// iterations), which every password sign-in runs once.
/// </summary>
public static class MachineLimits
{
    public static int Run(Arguments args)
    {
        var seconds = args.Int("seconds", 3);
        var signatures = PerSecondOnAllCores(seconds, () =>
        {
            var rsa = RSA.Create(2048);
            var data = RandomNumberGenerator.GetBytes(600);
            return () => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        });

        var hasher = new PasswordHasher<object>();
        var hash = hasher.HashPassword(new object(), "a benchmark password");
        var hashes = PerSecondOnAllCores(seconds, () => () => hasher.VerifyHashedPassword(new object(), hash, "a benchmark password"));

        Console.WriteLine($"Machine limits on {Environment.ProcessorCount} cores: {signatures:F0} RS256 signatures/s, {hashes:F1} password hashes/s");
        File.WriteAllText(args.Get("out"), JsonSerializer.Serialize(new
        {
            name = "limits",
            cores = Environment.ProcessorCount,
            rs256_signatures_per_second = signatures,
            password_hashes_per_second = hashes,
        }));
        return 0;
    }

    /// <summary>Runs one worker per core for the given time and counts the operations they completed.</summary>
    private static double PerSecondOnAllCores(int seconds, Func<Func<object>> createWorker)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long total = 0;
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            var work = createWorker();
            work();
            long count = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                work();
                count++;
            }

            Interlocked.Add(ref total, count);
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
