using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Audit;

/// <summary>What the account pages leave in the audit log: registration, confirmation, password reset and change, factor changes.</summary>
public sealed class AccountAuditTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Register_RecordsRegistrationAndConfirmation_WhenNewcomerConfirms()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";
        using var browser = fixture.Server.CreateBrowser();
        await Account.AccountSteps.RegisterAsync(browser, email);
        await browser.GetAsync(fixture.Server.MailTo(email).Single().Link("/account/confirm-email"));

        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal("success", (await admin.AuditAsync(email, "registration")).Single().Outcome);
        Assert.Equal("success", (await admin.AuditAsync(email, "email_confirmation")).Single().Outcome);
    }

    [Fact]
    public async Task ResetPassword_RecordsResetAndRevocation_WhenLinkIsUsed()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await Account.AccountSteps.ForgotPasswordAsync(browser, user.Email!);
        await Account.AccountSteps.ChooseNewPasswordAsync(browser, fixture.Server.MailTo(user.Email!).Single().Link("/account/reset-password"));

        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal("success", (await admin.AuditAsync(user.Id, "password_reset")).Single().Outcome);
        Assert.Contains("PasswordReset", (await admin.AuditAsync(user.Id, "token_revocation")).Single().Details);
    }

    [Fact]
    public async Task ChangePassword_RecordsFailureThenSuccess_WhenCurrentPasswordIsFirstWrong()
    {
        var user = await fixture.NewUserAsync();
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInAsync(user.Email!);
        foreach (var current in new[] { "not my password", TestData.Password })
        {
            await browser.SubmitAsync(await browser.GetAsync("/account/change-password"), new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = current,
                ["Input.NewPassword"] = Account.AccountSteps.NewPassword,
                ["Input.ConfirmPassword"] = Account.AccountSteps.NewPassword,
            });
        }

        using var admin = await fixture.AdminBrowserAsync();

        Assert.Equal(["success", "failure"], (await admin.AuditAsync(user.Id, "password_change")).Select(entry => entry.Outcome).ToArray());
    }

    [Fact]
    public async Task TwoStep_RecordsFactorChanges_WhenUserTurnsItOff()
    {
        var user = await fixture.NewUserAsync();
        await fixture.Server.EnableTwoStepAsync(user.Email!);
        using var browser = fixture.Server.CreateBrowser();
        await browser.SignInWithSecondFactorAsync(user.Email!);
        var settings = await browser.GetAsync("/account/security/two-step");

        await browser.SubmitAsync(settings, new Dictionary<string, string>(), formSelector: "form.turn-off");

        using var admin = await fixture.AdminBrowserAsync();
        Assert.Contains(await admin.AuditAsync(user.Id, "two_step_change"), entry => entry.Details.Contains("turned off"));
    }
}
