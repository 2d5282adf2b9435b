using System.Net;
using Identity.IntegrationTests.Bootstrap;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>Giving and taking roles (/admin/users/{id}/roles); the last administrator keeps the admin role.</summary>
public sealed class UserRolesTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Add_GivesRoleThatClientsSee_WhenRoleIsNew()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/roles"), new Dictionary<string, string> { ["Role"] = "auditor" },
            formSelector: "form[data-action='add-role']");

        Assert.Contains("auditor", page.Document.QuerySelector("ul.list")!.TextContent);
        using var browser = fixture.Server.CreateBrowser();
        Assert.Equal(["auditor"], await fixture.Server.RolesAsync(browser, user.Email!, TestData.Password));
        Assert.Contains("auditor", (await admin.AuditAsync(user.Id, "admin.role_added")).Single().Details);
    }

    [Fact]
    public async Task Add_MakesAnAdministrator_WhenRoleIsAdmin()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/roles"), new Dictionary<string, string> { ["Role"] = AdministratorRole.Name },
            formSelector: "form[data-action='add-role']");

        using var promoted = await fixture.AdminBrowserAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task Remove_TakesAdministratorAway_WhenAnotherAdministratorRemains()
    {
        var other = await fixture.NewUserAsync("admin", AdministratorRole.Name);
        using var otherBrowser = await fixture.AdminBrowserAsync(other);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{other.Id}/roles"), new Dictionary<string, string>(),
            formSelector: "form[data-action='remove-role']");

        Assert.Contains("No roles", page.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherBrowser.GetAsync("/admin/users")).Status);
        Assert.Contains("admin", (await admin.AuditAsync(other.Id, "admin.role_removed")).Single().Details);
    }

    [Fact]
    public async Task Add_ShowsMessage_WhenRoleNameIsEmpty()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/roles"), new Dictionary<string, string> { ["Role"] = "   " },
            formSelector: "form[data-action='add-role']");

        Assert.Contains("Enter a role name", page.Text);
        Assert.Contains("No roles", page.Text);
    }

    [Fact]
    public async Task Remove_IsRefused_WhenAccountIsTheLastAdministrator()
    {
        await using var server = new IdentityServerFactory();
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var only = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(only.Email!);

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{only.Id}/roles"), new Dictionary<string, string>(),
            formSelector: "form[data-action='remove-role']");

        Assert.Contains("This is the last active administrator", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);
        Assert.Equal("failure", (await admin.AuditAsync(only.Id, "admin.role_removed")).Single().Outcome);
    }

    [Fact]
    public async Task Remove_LeavesOneAdministrator_WhenTwoAdministratorsDemoteEachOtherAtOnce()
    {
        await using var server = new IdentityServerFactory();
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var first = await server.CreateUserAsync("first@example.com", roles: AdministratorRole.Name);
        var second = await server.CreateUserAsync("second@example.com", roles: AdministratorRole.Name);
        using var firstBrowser = server.CreateBrowser();
        using var secondBrowser = server.CreateBrowser();
        await firstBrowser.SignInWithSecondFactorAsync(first.Email!);
        await secondBrowser.SignInWithSecondFactorAsync(second.Email!);
        var firstForm = await firstBrowser.GetAsync($"/admin/users/{second.Id}/roles");
        var secondForm = await secondBrowser.GetAsync($"/admin/users/{first.Id}/roles");

        await Task.WhenAll(
            firstBrowser.PostFormAsync(firstForm, new Dictionary<string, string>(), formSelector: "form[data-action='remove-role']"),
            secondBrowser.PostFormAsync(secondForm, new Dictionary<string, string>(), formSelector: "form[data-action='remove-role']"));

        var stillAdministrators = new[]
        {
            (await firstBrowser.GetAsync("/admin/users")).Status,
            (await secondBrowser.GetAsync("/admin/users")).Status,
        };
        Assert.Single(stillAdministrators, status => status == HttpStatusCode.OK);
    }
}
