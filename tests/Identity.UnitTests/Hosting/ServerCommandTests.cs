using Identity.Server.Hosting;

namespace Identity.UnitTests.Hosting;

/// <summary>The command line: the command word and --include-secrets never reach the host as settings.</summary>
public sealed class ServerCommandTests
{
    [Fact]
    public void Parse_ReadsExportWithSecrets_WhenFlagFollowsTheFile()
    {
        var command = ServerCommand.Parse(["export", "out.json", "--include-secrets", "--Database:DataDirectory", "/data"]);

        Assert.Equal(ServerCommand.Export, command.Name);
        Assert.Equal("out.json", command.FilePath);
        Assert.True(command.IncludeSecrets);
        Assert.Equal(["--Database:DataDirectory", "/data"], command.HostArguments);
    }

    [Fact]
    public void Parse_LeavesSecretsOut_WhenFlagIsAbsent() =>
        Assert.False(ServerCommand.Parse(["export", "out.json"]).IncludeSecrets);

    [Theory]
    [InlineData("export")]
    [InlineData("export", "--include-secrets")]
    public void Parse_GivesUsage_WhenFileIsMissing(params string[] args) =>
        Assert.Equal("usage", ServerCommand.Parse(args).Name);
}
