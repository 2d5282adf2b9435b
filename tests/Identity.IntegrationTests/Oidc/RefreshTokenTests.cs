using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The refresh token grant (RFC 6749 §6) with rotation and reuse detection (RFC 9700 §4.14.2; reuse
/// leeway zero by default), and the account checks made on every refresh: a locked, deleted or
/// signed-out-everywhere account gets no new tokens.
/// </summary>
public sealed class RefreshTokenTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Refresh_IssuesNewRefreshAndAccessToken_WhenRefreshTokenIsValid()
    {
        var (flow, tokens, _) = await SignInAsync();

        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        await new TokenValidator(_api).ValidateAccessTokenAsync(refreshed.AccessToken, "api");
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenRotatedRefreshTokenIsPresentedAgain()
    {
        var (flow, tokens, _) = await SignInAsync();
        await flow.RefreshAsync(_api, tokens.RefreshToken);

        var replayed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.Equal("invalid_grant", replayed.Error);
    }

    [Fact]
    public async Task Refresh_RevokesWholeGrant_WhenRotatedRefreshTokenIsReused()
    {
        var (flow, tokens, _) = await SignInAsync();
        var newest = await flow.RefreshAsync(_api, tokens.RefreshToken);
        await flow.RefreshAsync(_api, tokens.RefreshToken);

        // The legitimate holder's newest token dies too: the server cannot tell thief from client.
        var afterReuse = await flow.RefreshAsync(_api, newest.RefreshToken);

        Assert.Equal("invalid_grant", afterReuse.Error);
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenUserIsLockedOut()
    {
        var (flow, tokens, user) = await SignInAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddHours(1)));

        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed.Get("access_token"));
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenUserIsDeleted()
    {
        var (flow, tokens, user) = await SignInAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.DeleteAsync(account));

        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenSecurityStampChanged()
    {
        var (flow, tokens, user) = await SignInAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.UpdateSecurityStampAsync(account));

        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenAnotherClientPresentsTheToken()
    {
        var (_, tokens, _) = await SignInAsync();

        var refreshed = await TokenResponse.PostAsync(_api, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken,
        }.WithClient(OidcServerFixture.ConfidentialClientId, OidcServerFixture.ConfidentialSecret));

        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed.Get("access_token"));
    }

    [Fact]
    public async Task Refresh_ReturnsInvalidGrant_WhenRefreshTokenIsGarbage()
    {
        var flow = new OidcFlow(fixture.Server.CreateBrowser());

        var refreshed = await flow.RefreshAsync(_api, "garbage");

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task Refresh_ReflectsAccountChanges_WhenUserDataChangedSinceSignIn()
    {
        var (flow, tokens, user) = await SignInAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) =>
        {
            account.DisplayName = "Renamed";
            return users.UpdateAsync(account);
        });

        var refreshed = await flow.RefreshAsync(_api, tokens.RefreshToken);

        var idToken = await new TokenValidator(_api).ValidateIdTokenAsync(refreshed.IdToken, OidcServerFixture.PublicClientId);
        Assert.Equal("Renamed", idToken.GetClaim("name").Value);
    }

    private async Task<(OidcFlow Flow, TokenResponse Tokens, ApplicationUser User)> SignInAsync()
    {
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(fixture.Server.CreateBrowser());
        return (flow, await flow.GetTokensAsync(_api, user.Email!), user);
    }
}
