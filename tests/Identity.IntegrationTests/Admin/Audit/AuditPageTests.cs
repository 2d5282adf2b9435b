using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Audit;

/// <summary>The audit log page (/admin/audit): filters by user, event type and days, paging, and the CSV export.</summary>
public sealed class AuditPageTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Filter_ShowsOnlyThatUsersEvents_WhenUserIsGivenByEmail()
    {
        var user = await fixture.NewUserAsync();
        var other = await fixture.NewUserAsync();
        foreach (var email in new[] { user.Email!, other.Email! })
        {
            using var browser = fixture.Server.CreateBrowser();
            await browser.SignInAsync(email, "wrong password");
        }

        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync("/admin/audit?user=" + Uri.EscapeDataString(user.Email!) + "&type=sign_in");

        var row = Assert.Single(page.Rows());
        Assert.Contains(user.Email!, row);
        Assert.Contains("failure", row);
        Assert.Contains("wrong_password", row);
        Assert.Contains("1 events found", page.Text);
    }

    [Fact]
    public async Task Filter_FindsNothing_WhenRangeStartsTomorrow()
    {
        var user = await fixture.NewUserAsync();
        using (var browser = fixture.Server.CreateBrowser())
        {
            await browser.SignInAsync(user.Email!);
        }

        using var admin = await fixture.AdminBrowserAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");

        var todays = await admin.GetAsync($"/admin/audit?user={user.Id}&from={today}&to={today}");
        var future = await admin.GetAsync($"/admin/audit?user={user.Id}&from={tomorrow}");

        Assert.NotEmpty(todays.Rows());
        Assert.Empty(future.Rows());
    }

    [Theory]
    [InlineData("/admin/audit?from=31-01-2026", "Enter a date as year-month-day")]
    [InlineData("/admin/audit?type=not.a.type", "Choose an event type from the list.")]
    [InlineData("/admin/audit?handler=csv&to=tomorrow", "Enter a date as year-month-day")]
    public async Task Get_ShowsMessage_WhenFilterIsMalformed(string url, string message)
    {
        using var admin = await fixture.AdminBrowserAsync();

        var page = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
    }

    [Fact]
    public async Task Page_ShowsOlderEventsOnNextPage_WhenMoreEventsThanFitOnAPage()
    {
        await using var server = new IdentityServerFactory().With("Admin:PageSize", "10");
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var administrator = await server.CreateUserAsync("root@example.com", roles: "admin");
        var user = await server.CreateUserAsync("often@example.com");
        using var browser = server.CreateBrowser();
        for (var i = 0; i < 12; i++)
        {
            await browser.SignInAsync(user.Email!, "wrong password " + i);
        }

        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(administrator.Email!);

        var first = await admin.GetAsync($"/admin/audit?user={user.Id}&type=sign_in");
        var second = await admin.GetAsync(first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(10, first.Rows().Count);
        Assert.Equal(2, second.Rows().Count);
        Assert.Contains("12 events found", second.Text);
    }

    [Fact]
    public async Task Export_WritesCsvWithEveryMatchingEventAndDefusesFormulas_WhenAdministratorExports()
    {
        var user = await fixture.NewUserAsync();
        using var admin = await fixture.AdminBrowserAsync();
        await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{user.Id}/lock"), new Dictionary<string, string> { ["Reason"] = "=HYPERLINK(\"https://evil.example\")" });

        var response = await admin.Http.GetAsync($"/admin/audit?handler=csv&user={user.Id}&type=admin.user_locked");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var records = AuditTrail.Parse(csv);
        Assert.Equal("time_utc", records[0][0]);
        var record = Assert.Single(records.Skip(1));
        Assert.Equal("admin.user_locked", record[1]);
        Assert.Equal(user.Email, record[6]);
        Assert.Contains("=HYPERLINK", record[9]);
        Assert.DoesNotContain(records.SelectMany(fields => fields), field => field.StartsWith('='));
        Assert.NotEmpty(await admin.AuditAsync(fixture.Administrator.Id, "admin.audit_exported"));
    }

    [Fact]
    public async Task Export_DefusesFormula_WhenClientIdStartsWithOne()
    {
        using var admin = await fixture.AdminBrowserAsync();
        await admin.SubmitAsync(await admin.GetAsync("/admin/clients/new"), new Dictionary<string, string>
        {
            ["Form.ClientId"] = "=cmd|calc",
            ["Form.Confidential"] = "true",
            ["Form.GrantTypes"] = "client_credentials",
        });

        var csv = await (await admin.Http.GetAsync("/admin/audit?handler=csv&type=admin.client_created")).Content.ReadAsStringAsync();

        Assert.Contains("\"'=cmd|calc\"", csv);
    }
}
