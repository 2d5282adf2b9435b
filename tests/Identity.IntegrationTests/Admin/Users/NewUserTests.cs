using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>Creating an account (/admin/users/new): by invitation, or with an initial password the user must replace.</summary>
public sealed class NewUserTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string NewPassword = "my very own passphrase";

    [Fact]
    public async Task Create_SendsInvitationWhoseLinkSetsPasswordAndConfirmsAddress_WhenInvitationIsChosen()
    {
        var email = $"invited-{Guid.NewGuid():N}@example.com";
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Invited Person",
            ["Input.FirstPassword"] = "Invitation",
        });

        Assert.Contains("an invitation was sent", page.Text);
        var invitation = fixture.Server.MailTo(email).Single();
        Assert.Contains("invited", invitation.Subject);
        using var browser = fixture.Server.CreateBrowser();
        var form = await browser.GetAsync(invitation.Link("/account/reset-password"));
        Assert.Contains("Choose a password for your new account", form.Text);
        await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal("/account/security", (await browser.SignInAsync(email, NewPassword)).Url.AbsolutePath);
        var userId = page.Url.AbsolutePath.Split('/').Last();
        Assert.Contains("invitation", (await admin.AuditAsync(userId, "admin.user_created")).Single().Details);
    }

    [Fact]
    public async Task Create_RequiresNewPasswordAtFirstSignIn_WhenInitialPasswordIsChosen()
    {
        var email = $"initial-{Guid.NewGuid():N}@example.com";
        using var admin = await fixture.AdminBrowserAsync();
        await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.EmailConfirmed"] = "true",
            ["Input.FirstPassword"] = "InitialPassword",
            ["Input.InitialPassword"] = TestData.Password,
        });
        using var browser = fixture.Server.CreateBrowser();

        var change = await browser.SignInAsync(email);

        Assert.Equal("/account/reset-password", change.Url.AbsolutePath);
        Assert.Contains("set by an administrator", change.Text);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account/security")).StatusCode);
        await browser.SubmitAsync(change, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        using var later = fixture.Server.CreateBrowser();
        Assert.Equal("/account/login", (await later.SignInAsync(email)).Url.AbsolutePath);
        Assert.Equal("/account/security", (await later.SignInAsync(email, NewPassword)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Create_ShowsPasswordRule_WhenInitialPasswordIsTooShort()
    {
        var email = $"short-{Guid.NewGuid():N}@example.com";
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.FirstPassword"] = "InitialPassword",
            ["Input.InitialPassword"] = "short",
        });

        Assert.Equal("/admin/users/new", page.Url.AbsolutePath);
        Assert.Contains("Use at least 10 characters", page.Text);
        Assert.Contains("0 users found", (await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString(email))).Text);
    }

    [Fact]
    public async Task Create_SaysAddressIsTaken_WhenAccountExists()
    {
        var existing = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = existing.Email!,
            ["Input.FirstPassword"] = "Invitation",
        });

        Assert.Contains("Another account already has this email address.", page.Text);
        Assert.Empty(fixture.Server.MailTo(existing.Email!));
    }
}
