using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// The ID token (OIDC Core §2, §3.1.3.7, §5.4): validated with the keys from the server's own JWKS,
/// carrying nonce, auth_time, amr and sub, and personal claims only for the scopes granted.
/// </summary>
public sealed class IdTokenTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private readonly HttpClient _api = fixture.Server.CreateApiClient();

    [Fact]
    public async Task Redeem_IssuesIdTokenThatValidatesAgainstJwks_WhenCodeIsRedeemed()
    {
        var (token, _, _) = await SignInAsync("openid");
        var expires = token.ValidTo;

        Assert.Equal(IdentityServerFactory.Issuer.ToString(), token.Issuer);
        Assert.Equal([OidcServerFixture.PublicClientId], token.Audiences);
        Assert.Equal("RS256", token.Alg);
        Assert.InRange(expires - token.IssuedAt, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Redeem_CarriesNonceSubAndRecentAuthTime_WhenUserSignedIn()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (token, flow, user) = await SignInAsync("openid");

        Assert.Equal(flow.Nonce, token.GetClaim("nonce").Value);
        Assert.Equal(user.Id, token.Subject);
        Assert.InRange(long.Parse(token.GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture),
            before - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Redeem_WritesAmrAsJsonArrayWithPwd_WhenUserSignedInWithPassword()
    {
        var (token, _, _) = await SignInAsync("openid");

        var amr = Payload(token).GetProperty("amr");
        Assert.Equal(JsonValueKind.Array, amr.ValueKind);
        Assert.Contains("pwd", amr.EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task Redeem_LeavesOutPersonalClaims_WhenOnlyOpenIdScopeIsGranted()
    {
        var (token, _, _) = await SignInAsync("openid");

        var payload = Payload(token);
        foreach (var claim in new[] { "email", "email_verified", "name", "preferred_username", "phone_number", "role" })
        {
            Assert.False(payload.TryGetProperty(claim, out _), $"The ID token carries '{claim}' without the scope that covers it.");
        }
    }

    [Fact]
    public async Task Redeem_IncludesEmailButNotName_WhenEmailScopeIsGrantedWithoutProfile()
    {
        var (token, _, user) = await SignInAsync("openid email");

        var payload = Payload(token);
        Assert.Equal(user.Email, payload.GetProperty("email").GetString());
        Assert.True(payload.GetProperty("email_verified").GetBoolean());
        Assert.False(payload.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Redeem_IncludesNameButNotEmail_WhenProfileScopeIsGrantedWithoutEmail()
    {
        var (token, _, user) = await SignInAsync("openid profile");

        var payload = Payload(token);
        Assert.Equal(user.DisplayName, payload.GetProperty("name").GetString());
        Assert.Equal(user.UserName, payload.GetProperty("preferred_username").GetString());
        Assert.False(payload.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Redeem_IncludesRolesOnly_WhenRolesScopeIsGranted()
    {
        var user = await fixture.NewUserAsync("admin", "Administrator");
        using var browser = fixture.Server.CreateBrowser();
        var withRoles = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid roles");
        var withoutRoles = await new OidcFlow(browser).GetTokensAsync(_api, user.Email!, "openid");

        var validator = new TokenValidator(_api);
        var roles = Payload(await validator.ValidateIdTokenAsync(withRoles.IdToken, OidcServerFixture.PublicClientId)).GetProperty("role");
        Assert.Equal("Administrator", roles.ValueKind == JsonValueKind.Array ? roles[0].GetString() : roles.GetString());
        Assert.False(Payload(await validator.ValidateIdTokenAsync(withoutRoles.IdToken, OidcServerFixture.PublicClientId)).TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Refresh_KeepsAmrAuthTimeAndScopeLimits_WhenIdTokenIsReissued()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var first = await flow.GetTokensAsync(_api, user.Email!, "openid offline_access");
        var refreshed = await flow.RefreshAsync(_api, first.RefreshToken);

        var validator = new TokenValidator(_api);
        var original = await validator.ValidateIdTokenAsync(first.IdToken, OidcServerFixture.PublicClientId);
        var reissued = await validator.ValidateIdTokenAsync(refreshed.IdToken, OidcServerFixture.PublicClientId);
        Assert.Equal(original.GetClaim("auth_time").Value, reissued.GetClaim("auth_time").Value);
        Assert.Equal(JsonValueKind.Array, Payload(reissued).GetProperty("amr").ValueKind);
        Assert.Contains("pwd", Payload(reissued).GetProperty("amr").EnumerateArray().Select(value => value.GetString()));
        Assert.False(Payload(reissued).TryGetProperty("email", out _));
    }

    private async Task<(JsonWebToken Token, OidcFlow Flow, Identity.Server.Data.ApplicationUser User)> SignInAsync(string scope)
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var tokens = await flow.GetTokensAsync(_api, user.Email!, scope);
        return (await new TokenValidator(_api).ValidateIdTokenAsync(tokens.IdToken, OidcServerFixture.PublicClientId), flow, user);
    }

    private static JsonElement Payload(JsonWebToken token) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;
}
