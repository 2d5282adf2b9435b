using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The userinfo endpoint (OIDC Core §5.3; bearer usage RFC 6750 §2–3): the account's claims as far
/// as the access token's scopes allow, by GET or POST, and a 401 with a WWW-Authenticate error without
/// a valid token.
/// </summary>
public sealed class UserInfoTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Get_ReturnsClaimsOfGrantedScopes_WhenAccessTokenIsValid()
    {
        var (user, tokens) = await SignInAsync("openid profile email");

        var claims = await GetClaimsAsync(HttpMethod.Get, tokens.AccessToken);

        Assert.Equal(user.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.Equal(user.DisplayName, claims.GetProperty("name").GetString());
        Assert.False(claims.TryGetProperty("phone_number", out _));
    }

    [Fact]
    public async Task Post_ReturnsClaimsOfGrantedScopes_WhenAccessTokenIsValid()
    {
        var (user, tokens) = await SignInAsync("openid email");

        var claims = await GetClaimsAsync(HttpMethod.Post, tokens.AccessToken);

        Assert.Equal(user.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Get_ReturnsOnlySub_WhenOnlyOpenIdScopeIsGranted()
    {
        var (user, tokens) = await SignInAsync("openid");

        var claims = await GetClaimsAsync(HttpMethod.Get, tokens.AccessToken);

        Assert.Equal(user.Id, claims.GetProperty("sub").GetString());
        Assert.False(claims.TryGetProperty("email", out _));
        Assert.False(claims.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Get_Returns401WithBearerChallenge_WhenTokenIsMissing()
    {
        var response = await _api.GetAsync("/connect/userinfo");

        // RFC 6750 §3.1: without any credentials the challenge names the scheme and no error code.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Returns401WithInvalidToken_WhenTokenIsGarbage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "garbage.garbage.garbage");

        var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        Assert.Contains("error_description=", challenge.Parameter);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task Get_Returns401_WhenIdTokenIsPresentedAsAccessToken()
    {
        var (_, tokens) = await SignInAsync("openid");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.IdToken);

        var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Returns401_WhenAccountWasDeleted()
    {
        var (user, tokens) = await SignInAsync("openid email");
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.DeleteAsync(account));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }

    private async Task<JsonElement> GetClaimsAsync(HttpMethod method, string accessToken)
    {
        using var request = new HttpRequestMessage(method, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await _api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(Identity.Server.Data.ApplicationUser User, TokenResponse Tokens)> SignInAsync(string scope)
    {
        var user = await fixture.NewUserAsync();
        return (user, await new OidcFlow(fixture.Server.CreateBrowser()).GetTokensAsync(_api, user.Email!, scope));
    }
}
