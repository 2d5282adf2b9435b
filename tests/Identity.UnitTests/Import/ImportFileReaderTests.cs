using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

public sealed class ImportFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("import-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Read_ParsesFile_WhenItHasCommentsAndTrailingCommas()
    {
        var result = await ReadAsync("""
            // Clients of the shop
            {
              "clients": [ { "clientId": "web", "grantTypes": ["authorization_code",], /* the SPA */ }, ],
            }
            """);

        var file = Assert.IsType<ImportFileReadResult.Loaded>(result).File;
        Assert.Equal("web", Assert.Single(file.Clients)!.ClientId);
        Assert.Empty(file.Users);
    }

    [Fact]
    public async Task Read_GivesLineAndPosition_WhenJsonIsMalformed()
    {
        var result = await ReadAsync("{\n  \"users\": [\n    { \"email\": \"a@example.com\" \"password\": \"x\" }\n  ]\n}");

        var message = Assert.IsType<ImportFileReadResult.Failed>(result).Message;
        Assert.StartsWith(Path.Combine(_folder, "file.json") + ": line 3, position 32 (at $.users[0]): ", message);
    }

    [Fact]
    public async Task Read_NamesTheField_WhenValueHasWrongType()
    {
        var result = await ReadAsync("""{ "users": [ { "email": "a@example.com", "emailConfirmed": "yes" } ] }""");

        Assert.Contains("line 1, position", Assert.IsType<ImportFileReadResult.Failed>(result).Message);
        Assert.Contains("(at $.users[0].emailConfirmed)", ((ImportFileReadResult.Failed)result).Message);
    }

    [Theory]
    [InlineData("""{ "clients": [ { "clientId": "web", "redirectUri": "https://a.example/cb" } ] }""", "unknown field \"redirectUri\"")]
    [InlineData("""{ "Clients": [] }""", "unknown field \"Clients\"")]
    [InlineData("""{ "clients": [], "clients": [] }""", "clients")]
    [InlineData("""{ "clients": null }""", "clients")]
    [InlineData("null", "holds null")]
    [InlineData("", "line 1, position 1")]
    public async Task Read_Fails_WhenFileIsNotAValidImport(string json, string expected) =>
        Assert.Contains(expected, Assert.IsType<ImportFileReadResult.Failed>(await ReadAsync(json)).Message);

    [Fact]
    public async Task Read_NamesTheFile_WhenItDoesNotExist()
    {
        var path = Path.Combine(_folder, "missing.json");

        var result = await ImportFileReader.ReadAsync(path, CancellationToken.None);

        Assert.StartsWith($"{path}: the file does not exist", Assert.IsType<ImportFileReadResult.Failed>(result).Message);
    }

    private async Task<ImportFileReadResult> ReadAsync(string json)
    {
        var path = Path.Combine(_folder, "file.json");
        await File.WriteAllTextAsync(path, json);
        return await ImportFileReader.ReadAsync(path, CancellationToken.None);
    }
}
