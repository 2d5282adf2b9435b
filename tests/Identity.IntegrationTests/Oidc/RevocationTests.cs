using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>Token revocation (RFC 7009): a revoked refresh token no longer refreshes.</summary>
public sealed class RevocationTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Revoke_StopsRefreshToken_WhenClientRevokesIt()
    {
        var (flow, tokens) = await SignInAsync();

        var response = await RevokeAsync(tokens.RefreshToken, OidcServerFixture.PublicClientId);
        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed.Get("access_token"));
    }

    [Fact]
    public async Task Revoke_ReturnsOk_WhenTokenIsUnknown()
    {
        // RFC 7009 §2.2: an invalid token is not an error, so a client cannot probe tokens.
        var response = await RevokeAsync("garbage", OidcServerFixture.PublicClientId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_LeavesTokenWorking_WhenAnotherClientTriesToRevokeIt()
    {
        var (flow, tokens) = await SignInAsync();

        await RevokeAsync(tokens.RefreshToken, OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret);
        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
    }

    [Fact]
    public async Task Revoke_ReturnsInvalidClient_WhenSecretIsWrong()
    {
        var (flow, tokens) = await SignInAsync();

        var response = await RevokeAsync(tokens.RefreshToken, OidcServerFixture.ConfidentialClientId, "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(_api, tokens.RefreshToken)).Status);
    }

    [Fact]
    public async Task Revoke_ReturnsInvalidRequestJson_WhenBodyIsJson()
    {
        var response = await _api.PostAsync("/connect/revoke", new StringContent(
            $$"""{"token":"garbage","client_id":"{{OidcServerFixture.ConfidentialClientId}}","client_secret":"{{OidcServerFixture.ConfidentialSecret}}"}""",
            System.Text.Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        Assert.DoesNotContain("Exception", body);
    }

    private Task<HttpResponseMessage> RevokeAsync(string token, string clientId, string? secret = null) =>
        _api.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = "refresh_token",
        }.WithClient(clientId, secret)));

    private async Task<(OidcFlow Flow, TokenResponse Tokens)> SignInAsync()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        return (flow, await flow.GetTokensAsync(_api, user.Email!));
    }
}
