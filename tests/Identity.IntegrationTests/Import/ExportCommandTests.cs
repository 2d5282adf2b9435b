using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Export;

namespace Identity.IntegrationTests.Import;

/// <summary>
/// The export command (export FILE.json [--include-secrets]): it writes the import format, and importing
/// the file into an empty database gives the same configuration, which exports the same file again.
/// </summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private const string Extra = """
        {
          "clients": [
            { "clientId": "strict", "displayName": "Strict app", "redirectUris": ["https://strict.example/cb"],
              "grantTypes": ["authorization_code"], "scopes": ["openid", "email"], "requireMfa": true, "newDevicePolicy": "Always" },
          ],
          "users": [
            { "email": "bob@example.com", "password": "bob's long passphrase", "emailConfirmed": true, "twoFactorEnabled": true,
              "twoFactorMethod": "authenticator", "authenticatorKey": "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP", "roles": [] },
            { "email": "carol@example.com", "emailConfirmed": false, "displayName": "Carol", "roles": ["support", "auditor"] },
          ],
        }
        """;

    private readonly IdentityServerFactory _source = new();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await _source.ImportAsync(ImportFiles.Sample())).ExitCode);
        Assert.Equal(0, (await _source.ImportAsync(Extra)).ExitCode);
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();

    [Fact]
    public async Task Export_GivesTheSameConfigurationInAnEmptyDatabase_WhenSecretsAreIncluded()
    {
        var exported = await ExportAsync(_source, includeSecrets: true);
        await using var target = new IdentityServerFactory();

        var imported = await target.ImportFileAsync(exported.Path);
        var again = await ExportAsync(target, includeSecrets: true);

        Assert.True(imported.ExitCode == 0, imported.Errors);
        Assert.Equal(await File.ReadAllTextAsync(exported.Path), await File.ReadAllTextAsync(again.Path));
        using var browser = target.CreateBrowser();
        var flow = new OidcFlow(browser, "web", redirectUri: ImportFiles.WebRedirectUri);
        Assert.False(string.IsNullOrEmpty((await flow.GetTokensAsync(target.CreateApiClient(), "alice@example.com", "openid api")).AccessToken));
        var service = await TokenResponse.PostAsync(target.CreateApiClient(),
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }.WithClient("service", ImportFiles.ServiceSecret));
        Assert.Equal(HttpStatusCode.OK, service.Status);
    }

    [Fact]
    public async Task Export_WritesEveryFieldOfTheConfiguration_WhenSecretsAreIncluded()
    {
        var exported = await ExportAsync(_source, includeSecrets: true);
        var json = await File.ReadAllTextAsync(exported.Path);

        Assert.Contains("\"requireMfa\": true", json);
        Assert.Contains("\"newDevicePolicy\": \"Always\"", json);
        Assert.Contains("\"clientSecretHash\":", json);
        Assert.Contains("\"passwordHash\":", json);
        Assert.Contains("\"authenticatorKey\": \"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"", json);
        Assert.Contains("\"twoFactorMethod\": \"authenticator\"", json);
        Assert.DoesNotContain(ImportFiles.ServiceSecret, json);
        Assert.DoesNotContain(TestData.Password, json);
        Assert.Contains("keep it as safe as the database", exported.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(exported.Path));
        }
    }

    [Fact]
    public async Task Export_LeavesOutEverySecret_WhenNotAsked()
    {
        var exported = await ExportAsync(_source, includeSecrets: false);
        var json = await File.ReadAllTextAsync(exported.Path);

        Assert.DoesNotContain("passwordHash", json);
        Assert.DoesNotContain("clientSecretHash", json);
        Assert.DoesNotContain("authenticatorKey", json);
        Assert.Contains("\"clientType\": \"confidential\"", json);
        Assert.Contains("--include-secrets", exported.Output);
    }

    [Fact]
    public async Task Import_KeepsSecretsAndChangesNothing_WhenExportWithoutSecretsGoesBackToItsOwnDatabase()
    {
        var exported = await ExportAsync(_source, includeSecrets: false);

        var run = await _source.ImportFileAsync(exported.Path);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Nothing changed", run.Output);
        var service = await TokenResponse.PostAsync(_source.CreateApiClient(),
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }.WithClient("service", ImportFiles.ServiceSecret));
        Assert.Equal(HttpStatusCode.OK, service.Status);
    }

    [Fact]
    public async Task Import_NamesTheClientWithoutSecret_WhenExportWithoutSecretsGoesToAnEmptyDatabase()
    {
        var exported = await ExportAsync(_source, includeSecrets: false);
        await using var target = new IdentityServerFactory();

        var run = await target.ImportFileAsync(exported.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(clientId \"service\"): clientType \"confidential\" needs a clientSecret or clientSecretHash", run.Errors);
    }

    [Fact]
    public async Task Export_ExitsWithOne_WhenFileCannotBeWritten()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await _source.Services.RunExportAsync(_source.DataDirectory, includeSecrets: false, output, errors, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot be written", errors.ToString());
    }

    private static async Task<(string Path, string Output)> ExportAsync(IdentityServerFactory server, bool includeSecrets)
    {
        var path = Path.Combine(server.DataDirectory, $"export-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await server.Services.RunExportAsync(path, includeSecrets, output, errors, CancellationToken.None);
        Assert.True(exitCode == 0, errors.ToString());
        return (path, output.ToString());
    }
}
