using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Malformed authorization requests (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6, RFC 9700 §4.1): never a
/// 500, never a redirect to a URI that is not registered for the client; an error to the registered
/// redirect URI or a readable error page without a stack trace.
/// </summary>
public sealed class AuthorizeBadInputTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private static readonly string Long = new('a', 20_000);

    public static TheoryData<string, string?> BadParameters => new()
    {
        { "client_id", "unknown-client" },
        { "client_id", null },
        { "client_id", Long },
        { "redirect_uri", "https://attacker.example/callback" },
        { "redirect_uri", "https://client.example/callback/../evil" },
        { "redirect_uri", "https://CLIENT.example/callback" },
        { "redirect_uri", "https://client.example/callback?extra=1" },
        { "redirect_uri", "not a uri" },
        { "redirect_uri", null },
        { "redirect_uri", "https://client.example/" + Long },
        { "response_type", null },
        { "response_type", "token" },
        { "response_type", "id_token" },
        { "response_type", "code id_token" },
        { "response_type", "code token" },
        { "response_type", "garbage" },
        { "scope", "openid <script>alert(1)</script>" },
        { "scope", "openid unknown_scope" },
        { "scope", "openid " + Long },
        { "response_mode", "garbage" },
        { "prompt", "none login" },
        { "prompt", "garbage" },
        { "max_age", "-1" },
        { "max_age", "not-a-number" },
        { "request", "eyJhbGciOiJub25lIn0.eyJ9.x" },
        { "request_uri", "https://attacker.example/request.jwt" },
        { "code_challenge", "short" },
        { "code_challenge", Long },
        { "code_challenge", "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9+" },
    };

    /// <summary>Parameters with no length limit in the specifications: they may be accepted, but safely.</summary>
    public static TheoryData<string> UnboundedParameters => ["state", "nonce", "login_hint", "ui_locales", "acr_values"];

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Authorize_RefusesSafely_WhenParameterIsBad(string name, string? value)
    {
        var (browser, flow) = await SignedInAsync();

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { [name] = value });

        AssertRefusedSafely(page, issuedCodeAllowed: false);
    }

    [Theory]
    [MemberData(nameof(UnboundedParameters))]
    public async Task Authorize_NeverFailsOrRedirectsElsewhere_WhenParameterIsVeryLong(string name)
    {
        var (_, flow) = await SignedInAsync();

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { [name] = Long });

        AssertRefusedSafely(page, issuedCodeAllowed: true);
    }

    [Theory]
    [InlineData("client_id", "web", "other")]
    [InlineData("redirect_uri", TestData.ClientRedirectUri, "https://attacker.example/callback")]
    [InlineData("response_type", "code", "token")]
    [InlineData("state", "one", "two")]
    [InlineData("code_challenge", "abc", "def")]
    [InlineData("scope", "openid", "openid email")]
    public async Task Authorize_RefusesSafely_WhenParameterIsRepeated(string name, string first, string second)
    {
        var (browser, flow) = await SignedInAsync();
        var url = flow.AuthorizeUrl() + $"&{name}={Uri.EscapeDataString(first)}&{name}={Uri.EscapeDataString(second)}";

        var page = await browser.GetAsync(url);

        AssertRefusedSafely(page, issuedCodeAllowed: false);
    }

    [Fact]
    public async Task Authorize_RefusesSafely_WhenPostedAsJson()
    {
        var (browser, flow) = await SignedInAsync();

        var response = await browser.Http.PostAsync("/connect/authorize",
            new StringContent($$"""{"client_id":"web","response_type":"code","redirect_uri":"{{TestData.ClientRedirectUri}}"}""",
                System.Text.Encoding.UTF8, "application/json"));

        AssertRefusedSafely(await BrowserClient.Page.ReadAsync(await browser.FollowAsync(response)), issuedCodeAllowed: false);
    }

    [Fact]
    public async Task Authorize_RefusesSafely_WhenSignedOutAndClientIsUnknown()
    {
        using var browser = fixture.Server.CreateBrowser();

        var page = await new OidcFlow(browser, "unknown-client").StartAsync();

        AssertRefusedSafely(page, issuedCodeAllowed: false);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("invalid_request", page.Text);
    }

    /// <summary>
    /// Either a readable error page here, or an error sent to the client's registered redirect URI;
    /// never a 500, a stack trace, a code, or a redirect anywhere else.
    /// </summary>
    private static void AssertRefusedSafely(BrowserClient.Page page, bool issuedCodeAllowed)
    {
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        if (page.RedirectedTo is { } location)
        {
            Assert.Equal(TestData.ClientRedirectUri, location.GetLeftPart(UriPartial.Path));
            var parameters = QueryHelpers.ParseQuery(location.Query);
            Assert.True(parameters.ContainsKey(issuedCodeAllowed ? "code" : "error"), $"Unexpected answer to the client: {location}");
            return;
        }

        Assert.True(page.Status is HttpStatusCode.BadRequest, $"Expected an error page, got {(int)page.Status} at {page.Url}");
        Assert.Contains("Something went wrong", page.Text);
        Assert.DoesNotContain("   at ", page.Html);
        Assert.DoesNotContain("Exception", page.Html);
    }

    private async Task<(BrowserClient Browser, OidcFlow Flow)> SignedInAsync()
    {
        var user = await fixture.NewUserAsync();
        var browser = fixture.Server.CreateBrowser();
        await browser.SignInAsync(user.Email!);
        return (browser, new OidcFlow(browser));
    }
}
