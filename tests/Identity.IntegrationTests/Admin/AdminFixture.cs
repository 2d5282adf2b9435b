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
    public IdentityServerFactory Server { get; } = new();

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

    /// <summary>A browser with an administrator session (password and second factor).</summary>
    public async Task<BrowserClient> AdminBrowserAsync(ApplicationUser? administrator = null)
    {
        var browser = Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync((administrator ?? Administrator).Email!);
        return browser;
    }
}
