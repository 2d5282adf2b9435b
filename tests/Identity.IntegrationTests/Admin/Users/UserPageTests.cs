using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Identity.Server.Data;
using Identity.Server.Features.NewDevice;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>A user's admin page (/admin/users/{id}) and its one-click actions, each checked for its effect and its audit entry.</summary>
public sealed class UserPageTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Get_ShowsAccountRolesAndRecentEvents_WhenUserExists()
    {
        var user = await fixture.NewUserAsync("member", "support");
        using (var browser = fixture.Server.CreateBrowser())
        {
            await browser.SignInAsync(user.Email!);
        }

        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.UserPageAsync(user.Id);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(user.Email!, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("support", page.Text);
        Assert.Contains("sign_in", page.Text);
    }

    [Fact]
    public async Task Get_Answers404_WhenUserDoesNotExist()
    {
        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.UserPageAsync("missing")).Status);
    }

    [Fact]
    public async Task Unlock_LetsUserSignInAgain_WhenAccountWasLocked()
    {
        var user = await fixture.NewUserAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue));
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.PressAsync(await admin.UserPageAsync(user.Id), "unlock");

        Assert.Contains("The account was unlocked", page.Text);
        using var browser = fixture.Server.CreateBrowser();
        Assert.Equal("/account/security", (await browser.SignInAsync(user.Email!)).Url.AbsolutePath);
        Assert.Single(await admin.AuditAsync(user.Id, "admin.user_unlocked"));
    }

    [Fact]
    public async Task SendReset_EmailsWorkingLink_WhenAdministratorAsks()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.PressAsync(await admin.UserPageAsync(user.Id), "send-reset");

        Assert.Contains("A password reset link was sent", page.Text);
        var link = fixture.Server.MailTo(user.Email!).Last().Link("/account/reset-password");
        using var browser = fixture.Server.CreateBrowser();
        var done = await browser.SubmitAsync(await browser.GetAsync(link),
            new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase", ["Input.ConfirmPassword"] = "a brand new passphrase" });
        Assert.Equal("/account/reset-password/done", done.Url.AbsolutePath);
        Assert.Single(await admin.AuditAsync(user.Id, "admin.password_reset_sent"));
        Assert.Single(await admin.AuditAsync(user.Id, "password_reset"));
    }

    [Fact]
    public async Task ResetTwoStep_RemovesFactorsAndEndsSessions_WhenUserLostTheirPhone()
    {
        var user = await fixture.NewUserAsync();
        await fixture.Server.EnableTwoStepAsync(user.Email!, authenticator: true, method: "authenticator");
        using var userBrowser = fixture.Server.CreateBrowser();
        await userBrowser.SignInWithSecondFactorAsync(user.Email!);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.PressAsync(await admin.UserPageAsync(user.Id), "reset-two-step");

        Assert.Contains("Two-step verification was reset", page.Text);
        var factors = page.Document.QuerySelectorAll("h2").First(heading => heading.TextContent == "Two-step verification").NextElementSibling!.TextContent;
        Assert.Contains("Off", factors);
        Assert.Contains("Not set up", factors);
        Assert.Equal(HttpStatusCode.Redirect, (await userBrowser.Http.GetAsync("/account/security")).StatusCode);
        using var again = fixture.Server.CreateBrowser();
        Assert.Equal("/account/security", (await again.SignInWithPasswordAsync(user.Email!)).Url.AbsolutePath);
        var entry = (await admin.AuditAsync(user.Id, "admin.two_step_reset")).Single();
        Assert.Contains("authenticator", entry.Details);
        Assert.Contains("recovery_codes", entry.Details);
        Assert.Contains("phone", entry.Details);
    }

    [Fact]
    public async Task EndSessions_SignsUserOutAndRevokesTokens_WhenAdministratorAsks()
    {
        var user = await fixture.NewUserAsync();
        var (browser, flow, tokens) = await fixture.SignInToClientAsync(user);
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.PressAsync(await admin.UserPageAsync(user.Id), "end-sessions");

        Assert.Contains("All sessions and client access of this account were ended", page.Text);
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(fixture.Server.CreateApiClient(), tokens.RefreshToken)).Error);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account/security")).StatusCode);
        Assert.Single(await admin.AuditAsync(user.Id, "admin.sessions_revoked"));
        Assert.Contains(await admin.AuditAsync(user.Id, "token_revocation"), entry => entry.Details.Contains("AdministratorEndedSessions"));
        browser.Dispose();
    }

    [Fact]
    public async Task RevokeApp_StopsThatClientsRefreshToken_WhenAdministratorRevokesIt()
    {
        var user = await fixture.NewUserAsync();
        var (browser, flow, tokens) = await fixture.SignInToClientAsync(user);
        using var admin = await fixture.AdminBrowserAsync();
        var before = await admin.UserPageAsync(user.Id);
        Assert.Contains("Client web", before.Text);

        var page = await admin.PressAsync(before, "revoke-app");

        Assert.Contains("The client's access was revoked", page.Text);
        Assert.Contains("No client has access", page.Text);
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(fixture.Server.CreateApiClient(), tokens.RefreshToken)).Error);
        var entry = (await admin.AuditAsync(user.Id, "admin.authorization_revoked")).Single();
        Assert.Equal("web", entry.ClientId);
        browser.Dispose();
    }

    [Fact]
    public async Task ForgetDevice_RemovesItFromTheList_WhenAdministratorForgetsIt()
    {
        var user = await fixture.NewUserAsync();
        await fixture.Server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            db.Add(new KnownDevice
            {
                UserId = user.Id, DeviceIdHash = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray(),
                Browser = "Firefox", Platform = "Linux", FirstSeen = DateTimeOffset.UtcNow, LastSeen = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        using var admin = await fixture.AdminBrowserAsync();
        var before = await admin.UserPageAsync(user.Id);
        Assert.Contains("Firefox · Linux", before.Text);

        var page = await admin.PressAsync(before, "forget-device");

        Assert.Contains("The device was forgotten", page.Text);
        Assert.Contains("No known devices", page.Text);
        Assert.Single(await admin.AuditAsync(user.Id, "admin.device_forgotten"));
    }

    [Fact]
    public async Task Actions_Answer404_WhenUserDoesNotExist()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();
        var page = await admin.UserPageAsync(user.Id);
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.DeleteAsync(account));

        var response = await admin.PostFormAsync(page, new Dictionary<string, string>(), formSelector: "form[data-action='end-sessions']");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
