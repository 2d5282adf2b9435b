using Identity.EndToEndTests.Infrastructure;

namespace Identity.EndToEndTests.Journeys;

/// <summary>Signing in to the demo client with email and password, and signing out (OIDC Core §3.1, RP-initiated logout).</summary>
[Collection(SitesCollection.Name)]
public sealed class PasswordJourneyTests(Sites sites)
{
    [Fact]
    public async Task PasswordSignIn_GivesDemoClientPwdAmr_WhenPasswordIsRight()
    {
        var email = await sites.CreateUserAsync("password");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);

        await browser.StartAtDemoAsync(sites);
        await browser.EnterPasswordAsync(email);

        var amr = await browser.ExpectSignedInAtDemoAsync(sites, email);
        Assert.Equal(["pwd"], amr);
        await browser.SignOutAtDemoAsync(sites);
    }
}
