using System.Diagnostics;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The server's commands as an operator runs them: <c>dotnet Identity.Server.dll COMMAND ...</c>, a real
/// process with its own exit code and console, in a fresh folder with its own database on the suite's engine.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public ServerProcess()
    {
        Directory.CreateDirectory(Folder);
        TestDatabase.Create(DataDirectory);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "identity-tests", Guid.NewGuid().ToString("N"));

    public string DataDirectory => Path.Combine(Folder, "data");

    public void Dispose()
    {
        TestDatabase.Drop(DataDirectory);
        IdentityServerFactory.TryDelete(Folder);
    }

    public async Task<ProcessRun> RunAsync(params string[] arguments)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Identity.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Database__DataDirectory"] = DataDirectory,
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Oidc__Issuer"] = "https://localhost/",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in TestDatabase.Settings(DataDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.ArgumentList.Add(server);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new ProcessRun(process.ExitCode, await output, await errors);
    }
}

public sealed record ProcessRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
