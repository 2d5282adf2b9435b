using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>Accounts, clients and scopes created through the server's own managers.</summary>
public static class TestData
{
    public const string Password = "correct horse battery staple";
    public const string ClientRedirectUri = "https://client.example/callback";
    public const string ClientPostLogoutUri = "https://client.example/signed-out";

    public static Task<ApplicationUser> CreateUserAsync(
        this IdentityServerFactory server, string email, string password = Password, bool emailConfirmed = true, params string[] roles) =>
        server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = email.Split('@')[0] };
            Check(await users.CreateAsync(user, password));
            if (roles.Length > 0)
            {
                var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
                foreach (var role in roles.Where(role => !roleManager.RoleExistsAsync(role).GetAwaiter().GetResult()))
                {
                    Check(await roleManager.CreateAsync(new IdentityRole(role)));
                }

                Check(await users.AddToRolesAsync(user, roles));
            }

            return user;
        });

    /// <summary>A client allowed the code flow with refresh tokens and the standard scopes plus <c>api</c>.</summary>
    public static Task CreateClientAsync(
        this IdentityServerFactory server,
        string clientId = "web",
        string? secret = null,
        string consentType = ConsentTypes.Implicit,
        bool clientCredentials = false) =>
        server.WithScopeAsync(async services =>
        {
            var scopes = services.GetRequiredService<IOpenIddictScopeManager>();
            if (await scopes.FindByNameAsync("api") is null)
            {
                await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = "api", DisplayName = "Example API", Resources = { "api" } });
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
                ConsentType = consentType,
                DisplayName = $"Client {clientId}",
                RedirectUris = { new Uri(ClientRedirectUri) },
                PostLogoutRedirectUris = { new Uri(ClientPostLogoutUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone, Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + Scopes.OfflineAccess, Permissions.Prefixes.Scope + "api",
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            if (clientCredentials)
            {
                descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            }

            await services.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        });

    /// <summary>Registers a client exactly as described, for registrations the standard one does not cover.</summary>
    public static Task CreateClientAsync(this IdentityServerFactory server, OpenIddictApplicationDescriptor descriptor) =>
        server.WithScopeAsync(services => services.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor).AsTask());

    /// <summary>Changes an account through the server's user manager (lock it, delete it, rotate its security stamp).</summary>
    public static Task ChangeUserAsync(this IdentityServerFactory server, string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change) =>
        server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No such test user.");
            Check(await change(users, user));
        });

    /// <summary>Signs a browser in on the sign-in page directly, outside any authorization request.</summary>
    public static async Task<BrowserClient.Page> SignInAsync(this BrowserClient browser, string email, string password = Password)
    {
        var login = await browser.GetAsync("/account/login");
        return await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }
}
