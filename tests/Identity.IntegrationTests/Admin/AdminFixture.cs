using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin;

/// <summary>
/// One server for the tests of an admin page class, with a public client (<c>web</c>) and a standing
/// administrator who also keeps the service from ever running out of administrators, so tests that
/// lock, demote or delete another administrator are not refused for being the last.
/// </summary>
public class AdminFixture : IAsyncLifetime
{
    /// <summary>Sessions re-check the account on every request, so ended sessions show at once.</summary>
    public IdentityServerFactory Server { get; } = new IdentityServerFactory().With("Accounts:SessionValidationInterval", "00:00:00");

    public ApplicationUser Administrator { get; private set; } = null!;

    public AdminFixture() => Server.ConfigureTestServices = services => services.AddTestSignIn();

    public virtual async Task InitializeAsync()
    {
        await Server.CreateClientAsync(OidcServerFixture.PublicClientId);
        Administrator = await NewUserAsync("admin", AdministratorRole.Name);
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A fresh account with a unique email address, for one test.</summary>
    public Task<ApplicationUser> NewUserAsync(string name = "user", params string[] roles) =>
        Server.CreateUserAsync($"{name}-{Guid.NewGuid():N}@example.com", roles: roles);

    /// <summary>Signs the user in to the <c>web</c> client (code flow with PKCE) in a browser of their own.</summary>
    public async Task<(BrowserClient Browser, OidcFlow Flow, TokenResponse Tokens)> SignInToClientAsync(ApplicationUser user)
    {
        var browser = Server.CreateBrowser();
        var flow = new OidcFlow(browser);
        var tokens = await flow.GetTokensAsync(Server.CreateApiClient(), user.Email!);
        return (browser, flow, tokens);
    }

    /// <summary>A browser with an administrator session (password and second factor).</summary>
    public async Task<BrowserClient> AdminBrowserAsync(ApplicationUser? administrator = null)
    {
        var browser = Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync((administrator ?? Administrator).Email!);
        return browser;
    }
}
