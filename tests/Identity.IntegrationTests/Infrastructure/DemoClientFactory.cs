using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The demo relying party, in process at http://127.0.0.1:7001, talking to the test server at
/// https://localhost/ for discovery, keys, tokens and userinfo through the server's own handler.
/// </summary>
public sealed class DemoClientFactory(IdentityServerFactory server) : WebApplicationFactory<Identity.DemoClient.Program>
{
    public static readonly Uri BaseAddress = new("http://127.0.0.1:7001/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DemoClient:Authority", IdentityServerFactory.Issuer.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Configure, not PostConfigure: the demo applies its settings in a Configure of its own and
        // the handler derives its backchannel client from this handler in its PostConfigure.
        builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(
            OpenIdConnectDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = server.Server.CreateHandler()));
    }

    /// <summary>One browser for both sites: the demo at 127.0.0.1:7001 and the server at localhost.</summary>
    public BrowserClient CreateBrowser() =>
        new(new HttpClient(new SiteRouter(new Dictionary<string, HttpMessageHandler>
        {
            [BaseAddress.Authority] = Server.CreateHandler(),
            [IdentityServerFactory.Issuer.Authority] = server.Server.CreateHandler(),
        }))
        {
            BaseAddress = BaseAddress,
        })
        {
            FollowRedirectsToOtherSites = true,
        };

    /// <summary>The demo's registration on the server, as in the demo client's README.</summary>
    public static Task RegisterAsync(IdentityServerFactory server) =>
        server.CreateClientAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "demo",
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Demo client",
            RedirectUris = { new Uri(BaseAddress, "callback") },
            PostLogoutRedirectUris = { new Uri(BaseAddress, "signout-callback") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess, Permissions.Prefixes.Scope + "api",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
}
