using Identity.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Identity.EndToEndTests.Journeys;

/// <summary>A sign-in from a browser the account has not used before is challenged, even without two-step verification.</summary>
[Collection(NewDeviceSitesCollection.Name)]
public sealed class NewDeviceJourneyTests(NewDeviceSites sites)
{
    private const string Phone = "+31612345677";

    [Fact]
    public async Task NewBrowser_IsChallengedByTextOnce_WhenTwoStepVerificationIsOff()
    {
        var email = await sites.CreateUserAsync("device", (_, user) =>
        {
            (user.PhoneNumber, user.PhoneNumberConfirmed) = (Phone, true);
            return Task.CompletedTask;
        });
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.StartAtDemoAsync(sites);
        await browser.EnterPasswordAsync(email);

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it is you" })).ToBeVisibleAsync();
        await browser.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(sites.Server.LastTextedCode(Phone));
        await browser.ShotAsync("new-device-challenge");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        Assert.Contains("pwd", await browser.ExpectSignedInAtDemoAsync(sites, email));
        await browser.SignOutAtDemoAsync(sites);

        // The same browser is now a known device: the password alone signs in.
        await browser.StartAtDemoAsync(sites);
        await browser.EnterPasswordAsync(email);
        Assert.Equal(["pwd"], await browser.ExpectSignedInAtDemoAsync(sites, email));
    }
}
