using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

/// <summary>RFC 6749 §3.1.2, RFC 8252 §7.3, RFC 9207 §2.4.</summary>
public sealed class RedirectUriRulesTests
{
    [Theory]
    [InlineData("https://app.example/callback")]
    [InlineData("https://app.example:8443/signin-oidc?tenant=a")]
    [InlineData("http://localhost:5002/signin-oidc")]
    [InlineData("http://127.0.0.1:7001/callback")]
    [InlineData("http://[::1]:7001/callback")]
    public void Problem_IsNone_WhenUriIsAllowed(string uri) => Assert.Null(RedirectUriRules.Problem(uri));

    [Theory]
    [InlineData("ftp://x", "is not an http(s) URL")]
    [InlineData("javascript:alert(1)", "is not an http(s) URL")]
    [InlineData("/callback", "is not an absolute URL")]
    [InlineData("", "is not an absolute URL")]
    [InlineData(null, "is not an absolute URL")]
    [InlineData("https://app.example/cb#top", "has a fragment")]
    [InlineData("https://app.example/cb#", "has a fragment")]
    [InlineData("http://app.example/callback", "uses plain http on a host other than localhost")]
    [InlineData("http://127.0.0.2/callback", "uses plain http on a host other than localhost")]
    [InlineData("http://localhost.evil.example/callback", "uses plain http on a host other than localhost")]
    [InlineData("https://app.example/cb?iss=https://evil.example", "has an iss query parameter")]
    public void Problem_NamesTheRule_WhenUriIsRefused(string? uri, string problem) =>
        Assert.StartsWith(problem, RedirectUriRules.Problem(uri));

    [Fact]
    public void Check_NamesFieldIndexAndValue_WhenUriIsRefused()
    {
        var problems = new ImportProblems();

        RedirectUriRules.Check("postLogoutRedirectUris", ["https://ok.example/", "ftp://x"], problems.For("clients[1] (clientId \"web\")"));

        Assert.Equal("clients[1] (clientId \"web\"): postLogoutRedirectUris[1] \"ftp://x\" is not an http(s) URL", Assert.Single(problems.Problems).ToString());
    }
}
