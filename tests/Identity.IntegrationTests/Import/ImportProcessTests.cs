using System.Diagnostics;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Import;

/// <summary>The import command as an operator runs it: <c>dotnet Identity.Server.dll import FILE.json</c>,
/// a real process with its own exit code and console.</summary>
public sealed class ImportProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "identity-tests", Guid.NewGuid().ToString("N"));

    public ImportProcessTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => IdentityServerFactory.TryDelete(_folder);

    [Fact]
    public async Task ImportCommand_ExitsZeroThenOne_WhenFileIsValidThenInvalid()
    {
        var good = Path.Combine(_folder, "good.json");
        var bad = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(good, ImportFiles.Sample());
        await File.WriteAllTextAsync(bad, """{ "clients": [ { "clientId": "web", "grantTypes": ["password"] } ] }""");

        var first = await RunAsync("import", good);
        var second = await RunAsync("import", good);
        var invalid = await RunAsync("import", bad);
        var missing = await RunAsync("import", Path.Combine(_folder, "missing.json"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Imported: 1 scope, 2 clients, 1 user created; 0 updated; 0 unchanged", first.Output);
        Assert.DoesNotContain("No administrator exists yet", first.Output);
        Assert.DoesNotContain(TestData.Password, first.Output + first.Errors);
        Assert.DoesNotContain(ImportFiles.ServiceSecret, first.Output + first.Errors);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("4 unchanged", second.Output);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("clients[0] (clientId \"web\"): grantTypes[0] \"password\" is not one of", invalid.Errors);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing.json: the file does not exist", missing.Errors);
    }

    private async Task<ProcessRun> RunAsync(params string[] arguments)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Identity.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Database__DataDirectory"] = Path.Combine(_folder, "data"),
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Oidc__Issuer"] = "https://localhost/",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
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
            throw new TimeoutException($"The import command did not finish within {Timeout}.");
        }

        return new ProcessRun(process.ExitCode, await output, await errors);
    }

    private sealed record ProcessRun(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
    }
}
