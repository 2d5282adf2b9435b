using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>The user list (/admin/users): prefix search on email, name and phone, filters, sorting and paging.</summary>
public sealed class UserListTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Search_FindsUserByEmailPrefix_WhenCaseDiffers()
    {
        var tag = Tag();
        var user = await fixture.Server.CreateUserAsync($"{tag}-alice@example.com");
        await fixture.Server.CreateUserAsync($"x{tag}-bob@example.com");
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString(tag.ToUpperInvariant() + "-ALICE@"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Rows(), row => row.Contains(user.Email!));
        Assert.Single(page.Rows());
    }

    [Fact]
    public async Task Search_FindsUserByNamePrefix_WhenNameDiffersFromEmail()
    {
        var tag = Tag();
        var user = await fixture.NewUserAsync();
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) =>
        {
            account.DisplayName = $"Zoë {tag} Jansen";
            return users.UpdateAsync(account);
        });
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString($"zoë {tag}"));

        var row = Assert.Single(page.Rows());
        Assert.Contains(user.Email!, row);
    }

    [Fact]
    public async Task Search_FindsUserByPhonePrefix_WhenTermHasSpaces()
    {
        var user = await fixture.NewUserAsync();
        var phone = "+3161" + Random.Shared.Next(1_000_000, 9_999_999);
        await fixture.Server.ChangeUserAsync(user.Email!, (users, account) => users.SetPhoneNumberAsync(account, phone));
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString(phone[..6] + " " + phone[6..10]));

        Assert.Contains(page.Rows(), row => row.Contains(user.Email!));
        Assert.All(page.Rows(), row => Assert.Contains(phone[..10], row.Replace(" ", string.Empty)));
    }

    [Fact]
    public async Task Search_FindsNothing_WhenTermOnlyOccursInsideEmail()
    {
        var tag = Tag();
        await fixture.Server.CreateUserAsync($"a{tag}@example.com");
        using var admin = await fixture.AdminBrowserAsync();

        // Prefix search by design: an index serves it, where '%term%' would read every row.
        var page = await admin.GetAsync("/admin/users?q=" + tag);

        Assert.Empty(page.Rows());
        Assert.Contains("0 users found", page.Text);
    }

    [Fact]
    public async Task Filter_ShowsOnlyLockedOutUsers_WhenLockedFilterIsOn()
    {
        var tag = Tag();
        var locked = await fixture.Server.CreateUserAsync($"{tag}-locked@example.com");
        await fixture.Server.CreateUserAsync($"{tag}-free@example.com");
        var expired = await fixture.Server.CreateUserAsync($"{tag}-expired@example.com");
        await fixture.Server.ChangeUserAsync(locked.Email!, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        await fixture.Server.ChangeUserAsync(expired.Email!, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(-1)));
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync($"/admin/users?q={tag}&locked=true");

        var row = Assert.Single(page.Rows());
        Assert.Contains(locked.Email!, row);
        Assert.Contains("Locked out", row);
    }

    [Fact]
    public async Task Filter_CombinesTwoStepAndUnconfirmedEmail_WhenBothAreSet()
    {
        var tag = Tag();
        var match = await fixture.Server.CreateUserAsync($"{tag}-match@example.com", emailConfirmed: false);
        await fixture.Server.CreateUserAsync($"{tag}-confirmed@example.com");
        var twoStepConfirmed = await fixture.Server.CreateUserAsync($"{tag}-twostep@example.com");
        foreach (var email in new[] { match.Email!, twoStepConfirmed.Email! })
        {
            await fixture.Server.ChangeUserAsync(email, (users, user) => users.SetTwoFactorEnabledAsync(user, true));
        }

        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync($"/admin/users?q={tag}&twostep=On&emailunconfirmed=true");

        var row = Assert.Single(page.Rows());
        Assert.Contains(match.Email!, row);
    }

    [Fact]
    public async Task Sort_OrdersByNameDescending_WhenAsked()
    {
        var tag = Tag();
        foreach (var (local, name) in new[] { ("a", "Bram"), ("b", "Anna"), ("c", "Cas") })
        {
            var user = await fixture.Server.CreateUserAsync($"{tag}-{local}@example.com");
            await fixture.Server.ChangeUserAsync(user.Email!, (users, account) =>
            {
                account.DisplayName = name;
                return users.UpdateAsync(account);
            });
        }

        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync($"/admin/users?q={tag}&sort=Name&desc=true");

        Assert.Equal(["Cas", "Bram", "Anna"], page.Document.QuerySelectorAll("table tbody tr td:nth-child(2)").Select(cell => cell.TextContent).ToArray());
    }

    [Fact]
    public async Task Page_ShowsLaterRowsAndPager_WhenMoreUsersMatchThanFitOnAPage()
    {
        await using var server = new IdentityServerFactory().With("Admin:PageSize", "10");
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var administrator = await server.CreateUserAsync("root@example.com", roles: "admin");
        for (var i = 0; i < 12; i++)
        {
            await server.CreateUserAsync($"member{i:00}@example.com");
        }

        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(administrator.Email!);

        var first = await admin.GetAsync("/admin/users?q=member");
        var second = await admin.GetAsync(first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(10, first.Rows().Count);
        Assert.Equal(2, second.Rows().Count);
        Assert.Contains("member10@example.com", second.Rows()[0]);
        Assert.Contains("Page 2 of 2", second.Text);
        Assert.NotNull(second.Document.QuerySelector("a[rel=prev]"));
    }

    [Theory]
    [InlineData("/admin/users?p=-5")]
    [InlineData("/admin/users?p=abc&sort=Nonsense&twostep=maybe")]
    [InlineData("/admin/users?p=99999")]
    [InlineData("/admin/users?q=%27%20OR%201%3D1%20--")]
    public async Task Get_ShowsThePage_WhenParametersAreMalformed(string url)
    {
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("users found", page.Text);
    }

    private static string Tag() => "t" + Guid.NewGuid().ToString("N")[..10];
}
