using System.Diagnostics;
using System.Text.Json;

namespace Identity.Bench;

/// <summary>
/// Cold start: from starting the server process to its first 200 on the discovery document, on a database
/// that already exists (migrated, keys created). Several starts, median; the process inherits this one's
/// environment (database, issuer, URL), so it starts exactly as the benchmarked server did.
/// </summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var dll = Path.GetFullPath(args.Get("dll"));
        var url = new Uri(new Uri(args.Get("server")), "/.well-known/openid-configuration");
        var runs = args.Int("runs", 5);
        var label = args.Get("label", "default");
        var times = new List<double>();
        var cpu = new List<double>();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(2) };

        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var server = Process.Start(new ProcessStartInfo("dotnet", [dll])
            {
                WorkingDirectory = Path.GetDirectoryName(dll),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();

            while (!await AnswersAsync(http, url))
            {
                if (server.HasExited || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException("The server did not answer discovery within 60 s.");
                }

                await Task.Delay(2);
            }

            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpu.Add(ProcessCpu.Milliseconds(server.Id) ?? double.NaN);
            await StopAsync(server);
        }

        var median = Stats.Median(times);
        var cpuMedian = Stats.Median(cpu);
        Console.WriteLine($"Cold start ({label}): median {median:F0} ms over {runs} starts ({string.Join(", ", times.Select(t => t.ToString("F0")))} ms); CPU used by then: median {cpuMedian:F0} ms");
        await File.WriteAllTextAsync(args.Get("out"), JsonSerializer.Serialize(new { name = "cold_start", label, median_ms = median, runs_ms = times, cpu_median_ms = cpuMedian, runs_cpu_ms = cpu }));
        return 0;
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, as a service manager stops it; killed only if it does not stop within 15 s.</summary>
    private static async Task StopAsync(Process server)
    {
        using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await server.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            server.Kill(entireProcessTree: true);
        }
    }
}
