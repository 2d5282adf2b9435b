using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>Locking an account (/admin/users/{id}/lock): with a reason, optionally until a day, and never the last administrator.</summary>
public sealed class LockUserTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Lock_RefusesSignInAndEndsTokensAndIsAudited_WhenReasonIsGiven()
    {
        var user = await fixture.NewUserAsync();
        var (browser, flow, tokens) = await fixture.SignInToClientAsync(user);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/lock"), new Dictionary<string, string> { ["Reason"] = "Reported stolen laptop" });

        Assert.Contains("The account was locked", page.Text);
        Assert.Contains("Reported stolen laptop", page.Text);
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(fixture.Server.CreateApiClient(), tokens.RefreshToken)).Error);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account/security")).StatusCode);
        using var again = fixture.Server.CreateBrowser();
        Assert.Contains("incorrect, or the account is temporarily locked", (await again.SignInAsync(user.Email!)).Text);
        var entry = (await admin.AuditAsync(user.Id, "admin.user_locked")).Single();
        Assert.Equal("success", entry.Outcome);
        Assert.Equal(fixture.Administrator.Id, entry.ActorUserId);
        Assert.Contains("Reported stolen laptop", entry.Details);
        Assert.Contains(await admin.AuditAsync(user.Id, "token_revocation"), revocation => revocation.Details.Contains("AccountLocked"));
    }

    [Fact]
    public async Task Lock_ShowsUntilDay_WhenDateIsGiven()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();
        var until = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/lock"),
            new Dictionary<string, string> { ["Reason"] = "Holiday", ["Until"] = until });

        Assert.Contains($"until {until} 00:00:00Z", page.Text);
        Assert.Contains(until, (await admin.AuditAsync(user.Id, "admin.user_locked")).Single().Details);
    }

    [Theory]
    [InlineData("", "", "Give the reason for the lock")]
    [InlineData("Fraud", "yesterday", "Enter a date as year-month-day")]
    [InlineData("Fraud", "2001-01-01", "Choose a day in the future")]
    public async Task Lock_ShowsMessageAndLocksNothing_WhenInputIsWrong(string reason, string until, string message)
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/lock"),
            new Dictionary<string, string> { ["Reason"] = reason, ["Until"] = until });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
        using var browser = fixture.Server.CreateBrowser();
        Assert.Equal("/account/security", (await browser.SignInAsync(user.Email!)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Lock_Answers404_WhenUserDoesNotExist()
    {
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync("/admin/users/no-such-user/lock");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Lock_IsRefusedAndAudited_WhenAccountIsTheLastAdministrator()
    {
        await using var server = new IdentityServerFactory();
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var only = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(only.Email!);

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{only.Id}/lock"), new Dictionary<string, string> { ["Reason"] = "Oops" });

        Assert.Contains("This is the last active administrator", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);
        var entry = (await admin.AuditAsync(only.Id, "admin.user_locked")).Single();
        Assert.Equal("failure", entry.Outcome);
        Assert.Contains("last_administrator", entry.Details);
    }

    [Fact]
    public async Task Lock_LocksAnotherAdministrator_WhenAnActiveOneRemains()
    {
        var other = await fixture.NewUserAsync("admin", AdministratorRole.Name);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{other.Id}/lock"), new Dictionary<string, string> { ["Reason"] = "Left the company" });

        Assert.Contains("The account was locked", page.Text);
        using var otherBrowser = await fixture.AdminBrowserAsync(other);
        Assert.NotEqual(HttpStatusCode.OK, (await otherBrowser.GetAsync("/admin/users")).Status);
    }
}
