using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The authorization code flow with PKCE (OIDC Core §3.1, RFC 7636), end to end through the sign-in
/// page, and the code's single use (RFC 6749 §4.1.2, RFC 9700 §4.5): a replayed code is refused and
/// the tokens issued from it are revoked.
/// </summary>
public sealed class AuthorizationCodeFlowTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task SignIn_IssuesCodeThatRedeemsForTokens_WhenPasswordIsCorrect()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var login = await flow.StartAsync();
        Assert.Equal("/account/login", login.Url.AbsolutePath);

        var code = await flow.GetCodeAsync(user.Email!);
        var tokens = await flow.RedeemAsync(_api, code);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.Equal("Bearer", tokens.Get("token_type"));
    }

    [Fact]
    public async Task Authorize_ReturnsIssuerWithCode_WhenCodeIsIssued()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var page = await flow.SignInAsync(await flow.StartAsync(), user.Email!);

        // RFC 9207: the iss parameter lets a client that talks to several servers detect mix-up attacks.
        Assert.Equal(IdentityServerFactory.Issuer.ToString(), OidcFlow.CallbackParameters(page)["iss"]);
    }

    [Fact]
    public async Task SignIn_IssuesNoRefreshToken_WhenOfflineAccessIsNotRequested()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();

        var tokens = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid profile");

        Assert.Null(tokens.Get("refresh_token"));
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidGrant_WhenCodeIsRedeemedTwice()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        var code = await flow.GetCodeAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await flow.RedeemAsync(_api, code)).Status);

        var second = await flow.RedeemAsync(_api, code);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", second.Error);
        Assert.Null(second.Get("access_token"));
    }

    [Fact]
    public async Task Redeem_RevokesRefreshTokenFromFirstRedemption_WhenCodeIsReplayed()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        var code = await flow.GetCodeAsync(user.Email!);
        var first = await flow.RedeemAsync(_api, code);
        await flow.RedeemAsync(_api, code);

        var refreshed = await flow.RefreshAsync(_api, first.RefreshToken);

        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed.Get("access_token"));
    }

    [Fact]
    public async Task Redeem_SucceedsAtMostOnce_WhenCodeIsRedeemedTwiceAtOnce()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        var code = await flow.GetCodeAsync(user.Email!);

        var results = await Task.WhenAll(flow.RedeemAsync(_api, code), flow.RedeemAsync(_api, code));

        Assert.All(results, result => Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"Unexpected {result.Status}: {result.Body}"));
        Assert.True(results.Count(result => result.Status == HttpStatusCode.OK) <= 1, "A code was redeemed twice.");
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidGrant_WhenRedirectUriDiffersFromAuthorizationRequest()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        var code = await flow.GetCodeAsync(user.Email!);

        var tokens = await TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = "https://client.example/other",
            ["code_verifier"] = flow.CodeVerifier,
            ["client_id"] = OidcServerFixture.PublicClientId,
        });

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidGrant_WhenAnotherClientPresentsTheCode()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        var code = await flow.GetCodeAsync(user.Email!);

        var tokens = await TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = TestData.ClientRedirectUri,
            ["code_verifier"] = flow.CodeVerifier,
        }.WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret));

        Assert.Equal("invalid_grant", tokens.Error);
        Assert.Null(tokens.Get("access_token"));
    }

    [Fact]
    public async Task Redeem_ReturnsInvalidGrant_WhenCodeIsGarbage()
    {
        var flow = new OidcFlow(fixture.Server.CreateBrowser());

        var tokens = await flow.RedeemAsync(_api, "not-a-code");

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
        Assert.False(string.IsNullOrEmpty(tokens.Get("error_description")));
    }
}
