using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Bootstrap;

/// <summary>Whether an account is an administrator, as a client sees it: the roles claim.</summary>
public static class AdministratorChecks
{
    /// <summary>Runs the code flow in this browser (signing in if needed) and returns the account's roles.</summary>
    public static async Task<IReadOnlyList<string>> RolesAsync(this IdentityServerFactory server, BrowserClient browser, string email, string password)
    {
        var flow = new OidcFlow(browser);
        var page = await flow.StartAsync("openid roles");
        if (page.RedirectedTo is null)
        {
            page = await flow.SignInAsync(page, email, password);
        }

        var tokens = await flow.RedeemAsync(server.CreateApiClient(), OidcFlow.CallbackParameters(page)["code"]);
        return UserInfo.Roles(await UserInfo.GetAsync(server.CreateApiClient(), tokens.AccessToken));
    }
}
