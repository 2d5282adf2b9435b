using Identity.Server.Features.Import;
using static Identity.UnitTests.Import.ValidationAssert;

namespace Identity.UnitTests.Import;

public sealed class ScopeRulesTests
{
    [Fact]
    public void Validate_FindsNoProblem_WhenScopeIsComplete() =>
        Assert.Empty(Problems(new ImportFile { Scopes = [new ScopeEntry { Name = "api:read", DisplayName = "Read", Resources = ["api"] }] }));

    [Theory]
    [InlineData("two words")]
    [InlineData("quote\"d")]
    [InlineData("back\\slash")]
    [InlineData("ünïcode")]
    public void Validate_RefusesName_WhenNotAScopeToken(string name) =>
        Assert.Contains("is not a valid scope name", string.Join("\n", Problems(new ImportFile { Scopes = [new ScopeEntry { Name = name }] })));

    [Theory]
    [InlineData("openid")]
    [InlineData("offline_access")]
    [InlineData("email")]
    public void Validate_RefusesName_WhenStandardScope(string name) =>
        Assert.Equal([$"scopes[0] (name \"{name}\"): name \"{name}\" is a standard scope the server always offers; leave it out"],
            Problems(new ImportFile { Scopes = [new ScopeEntry { Name = name }] }));

    [Fact]
    public void Validate_RefusesName_WhenRepeated() =>
        Assert.Equal(["scopes[1] (name \"api\"): name \"api\" appears more than once in the file"],
            Problems(new ImportFile { Scopes = [new ScopeEntry { Name = "api" }, new ScopeEntry { Name = "api" }] }));

    [Fact]
    public void Validate_RefusesResource_WhenBlank() =>
        Assert.Equal(["scopes[0] (name \"api\"): resources[1] is empty"],
            Problems(new ImportFile { Scopes = [new ScopeEntry { Name = "api", Resources = ["api", " "] }] }));

    [Fact]
    public void Validate_RefusesName_WhenMissing() =>
        Assert.Equal(["scopes[0]: name is missing"], Problems(new ImportFile { Scopes = [new ScopeEntry()] }));
}
