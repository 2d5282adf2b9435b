using Identity.EndToEndTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Authenticator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Identity.EndToEndTests.Journeys;

/// <summary>Two-step verification after the password: a texted code, an authenticator code (RFC 6238), a passkey.</summary>
[Collection(SitesCollection.Name)]
public sealed class SecondFactorJourneyTests(Sites sites)
{
    private const string Phone = "+31612345678";
    private const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public async Task SmsCode_GivesDemoClientSmsAndMfaAmr_WhenCodeFromTextIsEntered()
    {
        var email = await sites.CreateUserAsync("sms", (_, user) =>
        {
            (user.PhoneNumber, user.PhoneNumberConfirmed, user.TwoFactorEnabled) = (Phone, true, true);
            return Task.CompletedTask;
        });
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.StartAtDemoAsync(sites);
        await browser.EnterPasswordAsync(email);

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification" })).ToBeVisibleAsync();
        await browser.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(sites.Server.LastTextedCode(Phone));
        await browser.ShotAsync("two-step-sms");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var amr = await browser.ExpectSignedInAtDemoAsync(sites, email);
        Assert.Equal(["pwd", "sms", "mfa"], amr);
    }

    [Fact]
    public async Task AuthenticatorCode_GivesDemoClientOtpAndMfaAmr_WhenCurrentCodeIsEntered()
    {
        var email = await sites.CreateUserAsync("totp", (_, user) =>
        {
            (user.TwoFactorEnabled, user.TwoFactorMethod) = (true, "authenticator");
            return Task.CompletedTask;
        });
        await sites.WithUsersAsync(async (users, services) =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            var store = (IUserAuthenticatorKeyStore<ApplicationUser>)services.GetRequiredService<IUserStore<ApplicationUser>>();
            await store.SetAuthenticatorKeyAsync(user, AuthenticatorKey, default);
            return await users.UpdateAsync(user);
        });
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.StartAtDemoAsync(sites);
        await browser.EnterPasswordAsync(email);

        await Expect(browser.Page.GetByText("authenticator app")).ToBeVisibleAsync();
        await browser.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Compute(Base32.Decode(AuthenticatorKey)!, Totp.TimeStep(DateTimeOffset.UtcNow)));
        await browser.ShotAsync("two-step-authenticator");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var amr = await browser.ExpectSignedInAtDemoAsync(sites, email);
        Assert.Equal(["pwd", "otp", "mfa"], amr);
        await browser.SignOutAtDemoAsync(sites);
    }

    [Fact]
    public async Task PasskeySecondStep_GivesDemoClientPwdHwkMfaAmr_WhenPasskeyFollowsPassword()
    {
        var email = await sites.CreateUserAsync("second", (_, user) =>
        {
            (user.PhoneNumber, user.PhoneNumberConfirmed) = (Phone, true);
            return Task.CompletedTask;
        });
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);
        await browser.AddPasskeyAsync("Security key");
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey was added");
        await sites.WithUsersAsync(async (users, _) => await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!, true));
        // Before signing out: signing out lands on the sign-in page, whose passkey autofill the
        // virtual authenticator would answer at once, signing in without the password.
        await browser.BlockPasskeyAutofillAsync();
        await browser.SignOutOnServerAsync();

        // The password first, on the demo's way in.
        await browser.Page.GotoAsync(sites.Demo.BaseAddress.ToString());
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await browser.EnterPasswordAsync(email);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Or use a passkey" })).ToBeVisibleAsync();
        await browser.ShotAsync("two-step-with-passkey");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();

        var amr = await browser.ExpectSignedInAtDemoAsync(sites, email);
        Assert.Equal(["pwd", "hwk", "mfa"], amr);
    }

    [Fact]
    public async Task FreshBrowser_AsksForSecondStepAgain_WhenAnotherBrowserWasRemembered()
    {
        var email = await sites.CreateUserAsync("device", (_, user) =>
        {
            (user.PhoneNumber, user.PhoneNumberConfirmed, user.TwoFactorEnabled) = (Phone, true, true);
            return Task.CompletedTask;
        });
        await using (var known = await Browser.LaunchAsync(sites.Playwright))
        {
            await known.StartAtDemoAsync(sites);
            await known.EnterPasswordAsync(email);
            await known.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(sites.Server.LastTextedCode(Phone));
            await known.Page.GetByLabel("Don't ask again on this browser").CheckAsync();
            await known.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await known.ExpectSignedInAtDemoAsync(sites, email);
        }

        // A new device: a fresh profile has neither the session nor the remembered-browser cookie.
        await using var fresh = await Browser.LaunchAsync(sites.Playwright);
        await fresh.StartAtDemoAsync(sites);
        await fresh.EnterPasswordAsync(email);

        await Expect(fresh.Page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification" })).ToBeVisibleAsync();
        await fresh.ShotAsync("new-device-two-step");
    }
}
