using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Oidc;

/// <summary>The authorization code flow with PKCE (OIDC Core §3.1, RFC 7636), end to end through the sign-in page.</summary>
public sealed class AuthorizationCodeFlowTests : IAsyncLifetime
{
    private readonly IdentityServerFactory _server = new();

    public async Task InitializeAsync()
    {
        await _server.CreateClientAsync();
        await _server.CreateUserAsync("alice@example.com");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_IssuesCodeThatRedeemsForTokens_WhenPasswordIsCorrect()
    {
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var login = await flow.StartAsync();
        Assert.Equal("/account/login", login.Url.AbsolutePath);

        var code = await flow.GetCodeAsync("alice@example.com");
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), code);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
    }
}
