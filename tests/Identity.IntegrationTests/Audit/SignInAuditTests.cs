using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Audit;

/// <summary>What signing in and out leaves in the audit log, as the audit page's export shows it.</summary>
public sealed class SignInAuditTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task SignIn_RecordsSuccessWithMethods_WhenPasswordIsRight()
    {
        var user = await fixture.NewUserAsync();
        using (var browser = fixture.Server.CreateBrowser())
        {
            await browser.SignInAsync(user.Email!);
        }

        using var admin = await fixture.AdminBrowserAsync();
        var entry = (await admin.AuditAsync(user.Id, "sign_in")).Single();

        Assert.Equal("success", entry.Outcome);
        Assert.Equal(user.Id, entry.ActorUserId);
        Assert.Equal(user.Id, entry.SubjectUserId);
        Assert.Contains("\"amr\":\"pwd\"", entry.Details);
    }

    [Fact]
    public async Task SignIn_RecordsFailureWithMaskedAddressOnly_WhenAccountIsUnknown()
    {
        var domain = Guid.NewGuid().ToString("N")[..12] + ".example";
        using (var browser = fixture.Server.CreateBrowser())
        {
            await browser.SignInAsync("ghost@" + domain, "some password");
        }

        using var admin = await fixture.AdminBrowserAsync();
        var entry = (await admin.AuditAsync(type: "sign_in")).Single(candidate => candidate.Details.Contains(domain));

        Assert.Equal("failure", entry.Outcome);
        Assert.Equal(string.Empty, entry.SubjectUserId);
        Assert.Contains("unknown_account", entry.Details);
        Assert.DoesNotContain("ghost@", entry.Details);
        Assert.DoesNotContain("some password", entry.Details);
    }

    [Fact]
    public async Task SignIn_RecordsOneLockout_WhenFailuresReachTheLimit()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        for (var i = 0; i < 6; i++)
        {
            await browser.SignInAsync(user.Email!, "wrong password");
        }

        using var admin = await fixture.AdminBrowserAsync();

        Assert.Single(await admin.AuditAsync(user.Id, "lockout"));
        var failures = await admin.AuditAsync(user.Id, "sign_in");
        Assert.Equal(6, failures.Count);
        Assert.Contains(failures, entry => entry.Details.Contains("locked_out"));
    }

    [Fact]
    public async Task SignOut_IsRecorded_WhenUserSignsOut()
    {
        var user = await fixture.NewUserAsync();
        using (var browser = fixture.Server.CreateBrowser())
        {
            await browser.SignInAsync(user.Email!);
            await browser.SubmitAsync(await browser.GetAsync("/account/logout"), new Dictionary<string, string>());
        }

        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal(user.Id, (await admin.AuditAsync(user.Id, "sign_out")).Single().ActorUserId);
    }

    [Fact]
    public async Task SecondFactor_RecordsSentCodeFailedAndPassedChecks_WhenUserSignsInWithEmailCode()
    {
        var user = await fixture.NewUserAsync();
        await fixture.Server.EnableTwoStepAsync(user.Email!, phone: null, method: "email");
        using var browser = fixture.Server.CreateBrowser();
        var step = await browser.SignInWithPasswordAsync(user.Email!);
        var code = fixture.Server.LastEmailCode(user.Email!);

        step = await browser.EnterCodeAsync(step, code == "000000" ? "111111" : "000000");
        await browser.EnterCodeAsync(step, code);

        using var admin = await fixture.AdminBrowserAsync();
        var sent = (await admin.AuditAsync(user.Id, "second_factor_sent")).Single();
        Assert.Equal("success", sent.Outcome);
        Assert.Contains("\"channel\":\"email\"", sent.Details);
        Assert.DoesNotContain(code, sent.Details);
        var checks = await admin.AuditAsync(user.Id, "second_factor_verified");
        Assert.Equal(["success", "failure"], checks.Select(entry => entry.Outcome).ToArray());
        Assert.Contains("mfa", (await admin.AuditAsync(user.Id, "sign_in")).Single().Details);
    }
}
