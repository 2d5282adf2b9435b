using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636; required for every client by RFC 9700 §2.1.1): no code
/// without an S256 challenge (refused on the server's error page, as OpenIddict checks it before the
/// redirect URI), and no tokens without the verifier that matches it.
/// </summary>
public sealed class PkceTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Authorize_ShowsInvalidRequest_WhenCodeChallengeIsMissing()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInAsync(user.Email!);
        var flow = new OidcFlow(browser);

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { ["code_challenge"] = null, ["code_challenge_method"] = null });

        AssertRefusedOnErrorPage(page, "The mandatory 'code_challenge' parameter is missing.");
    }

    [Fact]
    public async Task Authorize_ShowsInvalidRequest_WhenCodeChallengeMethodIsPlain()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInAsync(user.Email!);
        var flow = new OidcFlow(browser);

        var page = await flow.StartAsync(extra: new Dictionary<string, string?>
        {
            ["code_challenge"] = flow.CodeVerifier,
            ["code_challenge_method"] = "plain",
        });

        AssertRefusedOnErrorPage(page, "The specified 'code_challenge_method' is not supported.");
    }

    [Fact]
    public async Task Authorize_ShowsInvalidRequest_WhenCodeChallengeMethodIsMissing()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInAsync(user.Email!);
        var flow = new OidcFlow(browser);

        // Without a method the challenge would be taken as "plain" (RFC 7636 §4.3), which is refused.
        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { ["code_challenge_method"] = null });

        AssertRefusedOnErrorPage(page, "The mandatory 'code_challenge_method' parameter is missing.");
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidGrant_WhenCodeVerifierIsWrong()
    {
        var (flow, code) = await GetCodeAsync();

        var tokens = await flow.RedeemAsync(_api, code, verifier: new OidcFlow(fixture.Server.CreateBrowser()).CodeVerifier);

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
        Assert.Null(tokens.Get("access_token"));
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidRequest_WhenCodeVerifierIsMissing()
    {
        var (_, code) = await GetCodeAsync();

        var tokens = await TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = TestData.ClientRedirectUri,
            ["client_id"] = OidcServerFixture.PublicClientId,
        });

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_request", tokens.Error);
        Assert.Null(tokens.Get("access_token"));
    }

    // OpenIddict checks PKCE before it has validated the redirect_uri against the client's
    // registration, so the error is shown here rather than sent to a URI that might not be the client's.
    private static void AssertRefusedOnErrorPage(BrowserClient.Page page, string description)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.RedirectedTo);
        Assert.Contains("invalid_request", page.Text);
        Assert.Contains(description, page.Text);
    }

    private async Task<(OidcFlow Flow, string Code)> GetCodeAsync()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        return (flow, await flow.GetCodeAsync(user.Email!));
    }
}
