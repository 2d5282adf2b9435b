using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>Editing an account (/admin/users/{id}/edit): checked with the import's rules, and a new address ends the sessions.</summary>
public sealed class EditUserTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Save_ChangesNameAndPhone_WhenInputIsValid()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/edit"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sanne de Wit",
            ["Input.PhoneNumber"] = "+31612340000",
        });

        Assert.Equal($"/admin/users/{user.Id}", page.Url.AbsolutePath);
        Assert.Contains("Sanne de Wit", page.Text);
        Assert.Contains("+31612340000 · not confirmed", page.Text);
        var entry = (await admin.AuditAsync(user.Id, "admin.user_updated")).Single();
        Assert.Contains("displayName", entry.Details);
        Assert.Contains("phoneNumber", entry.Details);
    }

    [Fact]
    public async Task Save_EndsSessionsAndLetsNewAddressSignIn_WhenEmailChanges()
    {
        var user = await fixture.NewUserAsync();
        var (browser, _, _) = await fixture.SignInToClientAsync(user);
        var newEmail = $"renamed-{Guid.NewGuid():N}@example.com";
        using var admin = await fixture.AdminBrowserAsync();

        await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/edit"), new Dictionary<string, string>
        {
            ["Input.Email"] = newEmail,
            ["Input.EmailConfirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account/security")).StatusCode);
        using var again = fixture.Server.CreateBrowser();
        Assert.Equal("/account/security", (await again.SignInAsync(newEmail)).Url.AbsolutePath);
        using var old = fixture.Server.CreateBrowser();
        Assert.Equal("/account/login", (await old.SignInAsync(user.Email!)).Url.AbsolutePath);
        browser.Dispose();
    }

    [Theory]
    [InlineData("Input.Email", "not-an-address", "Enter a valid email address.")]
    [InlineData("Input.PhoneNumber", "06-12345678", "international form")]
    public async Task Save_ShowsMessageAndKeepsAccount_WhenFieldIsInvalid(string field, string value, string message)
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/edit"), new Dictionary<string, string> { [field] = value });

        Assert.Equal($"/admin/users/{user.Id}/edit", page.Url.AbsolutePath);
        Assert.Contains(message, page.Text);
        Assert.Contains(user.Email!, (await admin.UserPageAsync(user.Id)).Text);
        Assert.Empty(await admin.AuditAsync(user.Id, "admin.user_updated"));
    }

    [Fact]
    public async Task Save_SaysAddressIsTaken_WhenAnotherAccountHasIt()
    {
        var user = await fixture.NewUserAsync();
        var other = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/edit"), new Dictionary<string, string> { ["Input.Email"] = other.Email! });

        Assert.Contains("Another account already has this email address.", page.Text);
        using var browser = fixture.Server.CreateBrowser();
        Assert.Equal("/account/security", (await browser.SignInAsync(user.Email!)).Url.AbsolutePath);
    }
}
