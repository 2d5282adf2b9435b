using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Import;

/// <summary>The import command as an operator runs it: <c>dotnet Identity.Server.dll import FILE.json</c>,
/// a real process with its own exit code and console.</summary>
public sealed class ImportProcessTests : IDisposable
{
    private readonly ServerProcess _process = new();

    public void Dispose() => _process.Dispose();

    [Fact]
    public async Task ImportCommand_ExitsZeroThenOne_WhenFileIsValidThenInvalid()
    {
        var good = Path.Combine(_process.Folder, "good.json");
        var bad = Path.Combine(_process.Folder, "bad.json");
        await File.WriteAllTextAsync(good, ImportFiles.Sample());
        await File.WriteAllTextAsync(bad, """{ "clients": [ { "clientId": "web", "grantTypes": ["password"] } ] }""");

        var first = await _process.RunAsync("import", good);
        var second = await _process.RunAsync("import", good);
        var invalid = await _process.RunAsync("import", bad);
        var missing = await _process.RunAsync("import", Path.Combine(_process.Folder, "missing.json"));

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
}
