using Identity.Server.Features.Email;
using Identity.Server.Features.Oidc;
using Microsoft.Extensions.Options;

namespace Identity.UnitTests.Email;

public sealed class EmailLinksTests
{
    [Theory]
    [InlineData("https://id.example/", "https://id.example/account/confirm-email?userId=u%201&code=c")]
    [InlineData("https://example.com/identity", "https://example.com/identity/account/confirm-email?userId=u%201&code=c")]
    [InlineData("https://example.com/identity/", "https://example.com/identity/account/confirm-email?userId=u%201&code=c")]
    public void To_BuildsLinkOnIssuer_WhenIssuerHasOrLacksPath(string issuer, string expected)
    {
        var links = new EmailLinks(Options.Create(new OidcServerOptions { Issuer = new Uri(issuer) }));

        var link = links.To("/account/confirm-email", new Dictionary<string, string?> { ["userId"] = "u 1", ["code"] = "c", ["returnUrl"] = null });

        Assert.Equal(expected, link);
    }

    [Fact]
    public void DecodeCode_ReturnsToken_WhenCodeIsIntact()
    {
        const string token = "CfDJ8+/abc==";

        Assert.Equal(token, EmailLinks.DecodeCode(EmailLinks.EncodeCode(token)));
        Assert.DoesNotContain('+', EmailLinks.EncodeCode(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("A")]
    public void DecodeCode_ReturnsNull_WhenCodeIsMissingOrDamaged(string? code)
    {
        Assert.Null(EmailLinks.DecodeCode(code));
    }
}
