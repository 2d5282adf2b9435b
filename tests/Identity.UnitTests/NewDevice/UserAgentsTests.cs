using Identity.Server.Features.NewDevice;

namespace Identity.UnitTests.NewDevice;

/// <summary>Readable device names from user agents: only names from a fixed list, never text from the header.</summary>
public sealed class UserAgentsTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "Chrome", "Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", "Edge", "Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari", "iOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0", "Firefox", "macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", "Chrome", "Android")]
    public void Names_ReadBrowserAndPlatform_WhenUserAgentIsKnown(string userAgent, string browser, string platform)
    {
        Assert.Equal(browser, UserAgents.Browser(userAgent));
        Assert.Equal(platform, UserAgents.Platform(userAgent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("curl/8.5.0")]
    public void Names_AreNull_WhenUserAgentIsUnknown(string? userAgent)
    {
        Assert.Null(UserAgents.Browser(userAgent));
        Assert.Null(UserAgents.Platform(userAgent));
    }
}
