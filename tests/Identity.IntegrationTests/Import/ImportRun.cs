using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Import;

namespace Identity.IntegrationTests.Import;

/// <summary>What one run of the import command printed and returned.</summary>
public sealed record ImportRun(int ExitCode, string Output, string Errors);

public static class ImportRunExtensions
{
    /// <summary>Writes the JSON to a file and runs the real import command against the server's database.</summary>
    public static async Task<ImportRun> ImportAsync(this IdentityServerFactory server, string json)
    {
        var path = Path.Combine(server.DataDirectory, $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return await server.ImportFileAsync(path);
    }

    public static async Task<ImportRun> ImportFileAsync(this IdentityServerFactory server, string path)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await server.Services.RunImportAsync(path, output, errors, CancellationToken.None);
        return new ImportRun(exitCode, output.ToString(), errors.ToString());
    }
}
