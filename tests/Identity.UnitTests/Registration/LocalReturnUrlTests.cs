using Identity.Server.Features.Registration;

namespace Identity.UnitTests.Registration;

/// <summary>Only a path on this server survives registration; anything else would be an open redirect.</summary>
public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/account/security")]
    public void From_DropsReturnUrl_WhenItIsNotALocalPathOrIsTheDefault(string? returnUrl)
    {
        Assert.Null(LocalReturnUrl.From(returnUrl));
    }

    [Fact]
    public void AppendTo_CarriesReturnUrl_WhenItIsLocal()
    {
        var link = LocalReturnUrl.AppendTo("/account/login", "/connect/authorize?client_id=web&ui_locales=nl");

        Assert.Equal("/account/login?returnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dweb%26ui_locales%3Dnl", link);
    }

    [Fact]
    public void AppendTo_LeavesPathAlone_WhenReturnUrlIsForeign()
    {
        Assert.Equal("/account/login", LocalReturnUrl.AppendTo("/account/login", "https://evil.example/"));
    }
}
