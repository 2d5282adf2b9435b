using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin;

/// <summary>
/// The whole way into /admin with the real sign-in pages: password, then an authenticator code
/// (RFC 6238). The other admin tests start from a session issued the same way through a test-only route.
/// </summary>
public sealed class AdminSecondFactorSignInTests
{
    [Fact]
    public async Task SignIn_OpensAdminArea_WhenAdministratorGivesPasswordAndAuthenticatorCode()
    {
        await using var server = new IdentityServerFactory();
        var administrator = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        await server.EnableTwoStepAsync(administrator.Email!, phone: null, authenticator: true, method: "authenticator");
        using var browser = server.CreateBrowser();

        var step = await browser.SignInWithPasswordAsync(administrator.Email!, returnUrl: "/admin/users");
        Assert.Equal("/account/two-step", step.Url.AbsolutePath);
        Assert.Equal("/account/login", (await browser.Http.GetAsync("/admin/users")).Headers.Location!.AbsolutePath);
        var page = await browser.EnterCodeAsync(step, SecondFactorTestData.AuthenticatorCode(DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/admin/users", page.Url.AbsolutePath);
        Assert.Contains(administrator.Email!, page.Text);
    }

    [Fact]
    public async Task SignIn_IsRefusedAdminArea_WhenAdministratorHasNoSecondFactor()
    {
        await using var server = new IdentityServerFactory();
        var administrator = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        using var browser = server.CreateBrowser();

        var page = await browser.SignInWithPasswordAsync(administrator.Email!, returnUrl: "/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("/account/access-denied", page.Url.AbsolutePath);
    }
}
