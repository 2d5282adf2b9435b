using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Bench;

/// <summary>
/// Puts the raw results of a run together: the median of the rounds for each load figure, the machine's
/// limit beside it and the ratio, as a Markdown table on standard output and as JSON.
/// </summary>
public static class Report
{
    public static async Task<int> WriteAsync(Arguments args)
    {
        var raw = args.Get("raw");
        var limits = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(raw, "limits.json")))!;
        var signatures = limits["rs256_signatures_per_second"]!.GetValue<double>();
        var hashes = limits["password_hashes_per_second"]!.GetValue<double>();
        var signins = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(raw, "signins.json")))!;
        var coldStarts = Directory.GetFiles(raw, "coldstart*.json").Order()
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!).ToList();
        var peakMb = double.Parse(args.Get("memory-kb"), CultureInfo.InvariantCulture) / 1024;

        var rows = new List<Row>
        {
            Load(raw, "client_credentials", "client_credentials tokens/s", "≥ 4,800/s, p99 < 20 ms", signatures, "RS256 signatures/s (1 per token)"),
            Load(raw, "refresh_token", "refresh_token tokens/s", "—", signatures / 3, "RS256 signatures/s ÷ 3 (access, ID and refresh token)"),
            Load(raw, "discovery", "discovery requests/s", "> 20,000/s", null, "—"),
            Load(raw, "jwks", "JWKS requests/s", "> 20,000/s", null, "—"),
            new("interactive sign-ins/s", signins["signins_per_second"]!.GetValue<double>(), null, null,
                signins["errors"]!.GetValue<int>(), "≥ 90% of the hash limit", hashes, "password hashes/s (1 per sign-in)",
                signins["server_cpu_ms_per_signin"]?.GetValue<double>()),
        };
        rows.AddRange(coldStarts.Select(start => new Row(
            $"cold start ms ({start["label"]})", start["median_ms"]!.GetValue<double>(), null, null, 0, "< 1,000 ms", null, "—",
            start["cpu_median_ms"]?.GetValue<double>())));
        rows.Add(new Row("peak resident memory MB (VmHWM)", peakMb, null, null, 0, "< 200 MB", null, "—"));
        var sqlitePath = Path.Combine(raw, "sqlite_commit.json");
        if (File.Exists(sqlitePath))
        {
            var sqlite = JsonNode.Parse(await File.ReadAllTextAsync(sqlitePath))!;
            rows.Add(new Row("SQLite WAL commit ms, synchronous=NORMAL (server)", sqlite["normal_ms"]!.GetValue<double>(), null, null, 0, "—",
                sqlite["full_ms"]!.GetValue<double>(), "ms with synchronous=FULL"));
        }

        var machine = Machine(args);
        var table = new StringBuilder()
            .AppendLine("| Figure | Measured | p50 / p99 ms | Errors | Server CPU ms each | Goal | Machine limit | Ratio |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |");
        foreach (var row in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Value.ToString(row.Value < 1 ? "F3" : "N1", CultureInfo.InvariantCulture)} | {Latency(row)} | {row.Errors} | {Cpu(row)} | {row.Goal} | " +
                $"{(row.Limit is { } limit ? limit.ToString("N1", CultureInfo.InvariantCulture) + " " + row.LimitName : row.LimitName)} | " +
                $"{(row.Limit is { } l ? (row.Value / l).ToString("P0", CultureInfo.InvariantCulture) : "—")} |");
        }

        Console.WriteLine();
        Console.WriteLine(machine.Describe());
        Console.WriteLine();
        Console.Write(table.ToString());
        Console.WriteLine();
        var cores = limits["cores"]!.GetValue<int>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU cost on this machine now: one RS256 signature {cores * 1000 / signatures:F3} ms, one password hash {cores * 1000 / hashes:F1} ms."));
        Console.WriteLine("Sign-in steps, median ms: " + signins["steps_median_ms"]!.ToJsonString());

        var json = new JsonObject
        {
            ["machine"] = JsonSerializer.SerializeToNode(machine),
            ["figures"] = JsonSerializer.SerializeToNode(rows),
            ["signin_steps_median_ms"] = signins["steps_median_ms"]!.DeepClone(),
            ["cold_starts"] = new JsonArray([.. coldStarts.Select(start => start.DeepClone())]),
            ["limits"] = limits.DeepClone(),
        };
        await File.WriteAllTextAsync(args.Get("out"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static string Cpu(Row row) =>
        row.CpuMs is { } cpu && !double.IsNaN(cpu) ? cpu.ToString(cpu < 1 ? "F3" : "F1", CultureInfo.InvariantCulture) : "—";

    private static string Latency(Row row) =>
        row.P50 is { } p50 && row.P99 is { } p99 ? string.Create(CultureInfo.InvariantCulture, $"{p50:F2} / {p99:F2}") : "—";

    /// <summary>The median of the rounds, figure by figure; errors are the total over all rounds.</summary>
    private static Row Load(string raw, string name, string figure, string goal, double? limit, string limitName)
    {
        var rounds = File.ReadAllLines(Path.Combine(raw, name + ".jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!)
            .ToList();
        double Median(string field) => Stats.Median(rounds.Select(round => round[field]!.GetValue<double>()));
        var errors = rounds.Sum(round => round["non200"]!.GetValue<int>() + round["socket_errors"]!.GetValue<int>());
        var cpuMs = Stats.Median(rounds.Select(round =>
            round["server_cpu_ticks"]!.GetValue<double>() * 1000 / round["ticks_per_second"]!.GetValue<double>() / round["requests"]!.GetValue<double>()));
        return new Row(figure, Median("rps"), Median("p50_ms"), Median("p99_ms"), errors, goal, limit, limitName, cpuMs);
    }

    private static MachineInfo Machine(Arguments args)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            : null;
        return new MachineInfo(cpu ?? "unknown", Environment.ProcessorCount, os ?? Environment.OSVersion.ToString(),
            Environment.Version.ToString(), args.Get("wrk-cpus"), args.Get("server-cpus"), args.Get("load"));
    }

    /// <param name="CpuMs">The server's CPU time per request, sign-in or start (user + system, all threads).</param>
    public sealed record Row(string Figure, double Value, double? P50, double? P99, int Errors, string Goal, double? Limit, string LimitName, double? CpuMs = null);

    public sealed record MachineInfo(string Cpu, int Cores, string Os, string Runtime, string WrkCpus, string ServerCpus, string Load)
    {
        public string Describe() =>
            $"Machine: {Cpu}, {Cores} cores, {Os}, .NET {Runtime}. wrk on CPU(s) {WrkCpus}; server on CPU(s) {ServerCpus}. {Load}";
    }
}
