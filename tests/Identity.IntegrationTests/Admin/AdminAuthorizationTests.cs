using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.Admin;

/// <summary>
/// Who may use /admin: only an account holding the admin role now, signed in with a second factor
/// (amr mfa, RFC 8176), within Admin:SessionLifetime of signing in. Checked on the server for every
/// page and post, whatever the pages show.
/// </summary>
public sealed class AdminAuthorizationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/clients")]
    [InlineData("/admin/scopes")]
    [InlineData("/admin/audit")]
    public async Task Get_RedirectsToSignIn_WhenAnonymous(string path)
    {
        using var browser = fixture.Server.CreateBrowser();

        var response = await browser.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Returns403_WhenSignedInUserIsNotAdministrator()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync(user.Email!);

        var page = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("/account/access-denied", page.Url.AbsolutePath);
        Assert.Empty(page.Document.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task Get_Returns403_WhenAdministratorSignedInWithPasswordOnly()
    {
        var administrator = await fixture.NewUserAsync("admin", AdministratorRole.Name);
        using var browser = fixture.Server.CreateBrowser();
        var signedIn = await browser.SignInAsync(administrator.Email!);
        Assert.Equal("/account/security", signedIn.Url.AbsolutePath);

        var page = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Get_ShowsUserList_WhenAdministratorSignedInWithSecondFactor()
    {
        using var browser = await fixture.AdminBrowserAsync();

        var page = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(fixture.Administrator.Email!, page.Text);
    }

    [Fact]
    public async Task Post_Returns403AndChangesNothing_WhenUserIsNotAdministrator()
    {
        var user = await fixture.NewUserAsync();
        var target = await fixture.NewUserAsync("target");
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync(user.Email!);

        // A valid antiforgery token of this user, taken from a page they may open.
        var ownPage = await browser.GetAsync("/account/change-password");
        var forged = await browser.Http.PostAsync($"/admin/users/{target.Id}/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "takeover",
            ["__RequestVerificationToken"] = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        var followed = await browser.FollowAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        using var admin = await fixture.AdminBrowserAsync();
        var targetPage = await admin.GetAsync($"/admin/users/{target.Id}");
        Assert.DoesNotContain("Locked out", targetPage.Text);
    }

    [Fact]
    public async Task Post_Returns400AndChangesNothing_WhenAntiforgeryTokenIsMissing()
    {
        var target = await fixture.NewUserAsync("target");
        using var browser = await fixture.AdminBrowserAsync();

        var response = await browser.Http.PostAsync($"/admin/users/{target.Id}/lock",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "no token" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var targetPage = await browser.GetAsync($"/admin/users/{target.Id}");
        Assert.DoesNotContain("Locked out", targetPage.Text);
    }

    [Fact]
    public async Task Get_Returns403_WhenAdministratorWasDemotedAfterSigningIn()
    {
        var administrator = await fixture.NewUserAsync("admin", AdministratorRole.Name);
        using var browser = await fixture.AdminBrowserAsync(administrator);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).Status);

        await fixture.Server.ChangeUserAsync(administrator.Email!, (users, user) => users.RemoveFromRoleAsync(user, AdministratorRole.Name));
        var page = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Get_RecordsDeniedAttempt_WhenUserIsNotAdministrator()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync(user.Email!);
        await browser.GetAsync("/admin/clients");

        using var admin = await fixture.AdminBrowserAsync();
        var entries = await admin.AuditAsync(user.Id, "admin.access_denied");

        var entry = Assert.Single(entries);
        Assert.Equal("failure", entry.Outcome);
        Assert.Equal(user.Id, entry.ActorUserId);
        Assert.Contains("/admin/clients", entry.Details);
    }

    [Fact]
    public async Task Get_AsksToSignInAgain_WhenAdministratorSignedInLongerAgoThanSessionLifetime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new IdentityServerFactory().With("Admin:SessionLifetime", "00:30:00");
        server.ConfigureTestServices = services =>
        {
            services.AddTestSignIn();
            services.AddSingleton<TimeProvider>(time);
        };
        var administrator = await server.CreateUserAsync("root@example.com", roles: AdministratorRole.Name);
        using var browser = server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync(administrator.Email!);

        time.Advance(TimeSpan.FromMinutes(29));
        var fresh = await browser.Http.GetAsync("/admin/users");
        time.Advance(TimeSpan.FromMinutes(2));
        var stale = await browser.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/account/login", stale.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/account/security")).StatusCode);
    }
}
