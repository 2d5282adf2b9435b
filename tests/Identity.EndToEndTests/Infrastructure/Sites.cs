using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>
/// The identity server and the demo client on real ports, and Playwright, shared by every journey. Each
/// journey opens its own browser with a fresh profile (<see cref="Browser"/>) and its own accounts.
/// </summary>
public class Sites : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public Sites()
        : this(new ServerHost())
    {
    }

    protected Sites(ServerHost server) => Server = server;

    public ServerHost Server { get; }

    public DemoClientHost Demo { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server.StartServer();
        Demo = new DemoClientHost(Server.BaseAddress);
        Demo.StartServer();
        await RegisterDemoAsync();

        // The driver ships inside the NuGet package; the browser is the system's Chromium (see Browser).
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        Playwright?.Dispose();
        await Demo.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A confirmed account with the test password, through the server's own user manager.</summary>
    public Task<string> CreateUserAsync(string name, Func<UserManager<ApplicationUser>, ApplicationUser, Task>? setUp = null) =>
        WithUsersAsync(async (users, services) =>
        {
            var email = $"{name}-{Guid.NewGuid():N}@example.com"[..Math.Min(60, name.Length + 45)];
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user, Password));
            if (setUp is not null)
            {
                await setUp(users, user);
                Check(await users.UpdateAsync(user));
            }

            return email;
        });

    public async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, IServiceProvider, Task<T>> action)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), scope.ServiceProvider);
    }

    private async Task RegisterDemoAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var scopes = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = "api", DisplayName = "Example API", Resources = { "api" } });
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "demo",
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Demo client",
            RedirectUris = { new Uri(Demo.BaseAddress, "callback") },
            PostLogoutRedirectUris = { new Uri(Demo.BaseAddress, "signout-callback") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess, Permissions.Prefixes.Scope + "api",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SitesCollection : ICollectionFixture<Sites>
{
    public const string Name = "Sites";
}

/// <summary>The same sites with the new-device challenge on, as the server ships.</summary>
public sealed class NewDeviceSites() : Sites(new ServerHost("NewDevice"));

[CollectionDefinition(Name)]
public sealed class NewDeviceSitesCollection : ICollectionFixture<NewDeviceSites>
{
    public const string Name = "NewDeviceSites";
}
