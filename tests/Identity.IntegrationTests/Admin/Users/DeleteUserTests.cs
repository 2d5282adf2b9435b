using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>Deleting an account (/admin/users/{id}/delete): after typing its address; its grants and tokens go with it.</summary>
public sealed class DeleteUserTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Delete_RemovesAccountAndItsTokens_WhenAddressIsTyped()
    {
        var user = await fixture.NewUserAsync();
        var (browser, flow, tokens) = await fixture.SignInToClientAsync(user);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/delete"), new Dictionary<string, string> { ["Confirmation"] = user.Email! });

        Assert.Equal("/admin/users", page.Url.AbsolutePath);
        Assert.Contains("The account was deleted", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.UserPageAsync(user.Id)).Status);
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(fixture.Server.CreateApiClient(), tokens.RefreshToken)).Error);
        var entry = (await admin.AuditAsync(user.Id, "admin.user_deleted")).Single();
        Assert.Equal("success", entry.Outcome);
        Assert.DoesNotContain(user.Email!, entry.Details);
        browser.Dispose();
    }

    [Fact]
    public async Task Delete_KeepsAccount_WhenConfirmationDoesNotMatch()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/delete"), new Dictionary<string, string> { ["Confirmation"] = "someone@else.example" });

        Assert.Contains("Type the account's email address to confirm.", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.UserPageAsync(user.Id)).Status);
    }

    [Fact]
    public async Task Delete_IsRefused_WhenAccountIsTheLastAdministrator()
    {
        await using var server = new IdentityServerFactory();
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var only = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(only.Email!);

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{only.Id}/delete"), new Dictionary<string, string> { ["Confirmation"] = only.Email! });

        Assert.Contains("This is the last active administrator", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.UserPageAsync(only.Id)).Status);
        Assert.Equal("failure", (await admin.AuditAsync(only.Id, "admin.user_deleted")).Single().Outcome);
    }
}
