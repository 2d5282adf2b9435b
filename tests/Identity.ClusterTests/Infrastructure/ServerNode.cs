using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Identity.ClusterTests.Infrastructure;

/// <summary>
/// One real server process, <c>dotnet Identity.Server.dll</c> from the solution's build output, on
/// http://127.0.0.1 and a free port, configured through environment variables as an operator would.
/// Its console output is kept for the failure message.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerNode(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    /// <summary>The server's build output, in the configuration these tests were built in.</summary>
    public static string ServerDll { get; } = FindServerDll();

    /// <summary>Starts serving; <see cref="WaitUntilReadyAsync"/> tells when it answers.</summary>
    public static ServerNode Start(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var node = new ServerNode(name, port, Launch(settings, [], new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }));
        node.Capture();
        return node;
    }

    /// <summary>Runs a command (migrate, import, export) to its end, with the same settings.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var process = Launch(settings, arguments, new Dictionary<string, string?>());
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Polls discovery until the node answers, failing with its output if it stops first.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode} before it served:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(".well-known/openid-configuration");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Node {Name} did not answer within a minute:\n{Output}");
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the host drains and exits.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to flush or clean up.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>The exit code, or null when the process is still running after <paramref name="patience"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan patience)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(patience);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Capture()
    {
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue(line.Data); } };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue(line.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static Process Launch(IReadOnlyDictionary<string, string?> settings, string[] arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings.Concat(environment))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
    }

    private static string FindServerDll()
    {
        // bin/<Configuration>/<tfm>/ under the test project, the server's output in the same shape.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Identity.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Identity.sln not found above the test output."),
            "src", "Identity.Server", "bin", configuration, framework, "Identity.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the solution first: {dll} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
