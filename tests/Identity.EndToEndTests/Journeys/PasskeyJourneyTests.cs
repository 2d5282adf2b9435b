using Identity.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Identity.EndToEndTests.Journeys;

/// <summary>Passkeys in Chromium with a virtual platform authenticator (WebAuthn Level 3).</summary>
[Collection(SitesCollection.Name)]
public sealed class PasskeyJourneyTests(Sites sites)
{
    [Fact]
    public async Task PasskeyAutofill_GivesDemoClientHardwareKeyAmr_WhenPasskeyWasAddedOnSecurityPage()
    {
        var email = await sites.CreateUserAsync("passkey");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        var authenticator = await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);

        await browser.AddPasskeyAsync("Windows Hello on my laptop");

        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey was added");
        await Expect(browser.Page.GetByText("Windows Hello on my laptop")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByText("not used yet")).ToBeVisibleAsync();
        Assert.Equal(1, await authenticator.CredentialCountAsync());
        await browser.ShotAsync("passkeys");
        await browser.SignOutOnServerAsync();

        // The sign-in page asks for passkey autofill (conditional mediation) on the email field; the
        // virtual authenticator, which simulates the person's choice, answers it without a click.
        await browser.ClickSignInAtDemoAsync(sites);

        var amr = await browser.ExpectSignedInAtDemoAsync(sites, email);
        Assert.Contains("hwk", amr);
        Assert.Contains("mfa", amr);
        Assert.Contains("user", amr);
        Assert.DoesNotContain("pwd", amr);
        await browser.SignOutAtDemoAsync(sites);
    }

    [Fact]
    public async Task AddPasskey_SaysDeviceHasOne_WhenSameAuthenticatorAddsASecond()
    {
        var email = await sites.CreateUserAsync("twice");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        var authenticator = await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);
        await browser.AddPasskeyAsync("Laptop");
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey was added");

        await browser.AddPasskeyAsync("Laptop again");

        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This device already has a passkey for your account.");
        await browser.ShotAsync("add-passkey-twice");
        Assert.Equal(1, await authenticator.CredentialCountAsync());
    }

    [Fact]
    public async Task PasskeySignIn_ShowsMessageAndNoSession_WhenCeremonyIsCancelled()
    {
        var email = await sites.CreateUserAsync("cancel");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        var authenticator = await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);
        await browser.AddPasskeyAsync("Phone");
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey was added");
        await browser.BlockPasskeyAutofillAsync();
        await browser.SignOutOnServerAsync();

        // The person does not unlock the authenticator: the browser ends the ceremony with NotAllowedError.
        await authenticator.SetUserVerifiedAsync(false);
        await browser.SignInWithPasskeyButtonAsync(sites);

        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cancelled or timed out");
        await browser.ShotAsync("passkey-cancelled");
        await browser.Page.GotoAsync(new Uri(sites.Server.BaseAddress, "account/security").ToString());
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PasskeySignIn_IsRefused_WhenPasskeyWasRemovedFromAccount()
    {
        var email = await sites.CreateUserAsync("removed");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);
        await browser.AddPasskeyAsync("Old laptop");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Remove Old laptop" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The passkey was removed.");
        await browser.SignOutOnServerAsync();

        // The authenticator still holds the credential; the server no longer knows it.
        await browser.SignInWithPasskeyButtonAsync(sites);

        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be verified");
        await browser.ShotAsync("passkey-unknown");
    }

    [Fact]
    public async Task PasskeySignIn_IsRefused_WhenAssertionIsTamperedOrReplayed()
    {
        var email = await sites.CreateUserAsync("tamper");
        await using var browser = await Browser.LaunchAsync(sites.Playwright);
        await browser.AddAuthenticatorAsync();
        await browser.SignInOnServerAsync(sites, email);
        await browser.AddPasskeyAsync("Key");
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey was added");
        await browser.SignOutOnServerAsync();
        var signInUrl = new Uri(sites.Server.BaseAddress, "account/passkeys/sign-in").ToString();

        // Tampered: the signed data is changed on its way to the server.
        await browser.Page.RouteAsync(signInUrl, route => route.Request.Method == "POST"
            ? route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(Tamper(route.Request.PostData!)) })
            : route.ContinueAsync());
        await browser.SignInWithPasskeyButtonAsync(sites);
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be verified");
        await browser.Page.UnrouteAsync(signInUrl);

        // Replayed: a genuine answer, with the cookies it was sent with, sent a second time.
        string? form = null, cookieHeader = null;
        await browser.Page.RouteAsync(signInUrl, async route =>
        {
            form = route.Request.PostData;
            cookieHeader = (await route.Request.AllHeadersAsync()).GetValueOrDefault("cookie");
            await route.ContinueAsync();
        });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Security", Exact = true })).ToBeVisibleAsync();

        using var attacker = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Post, signInUrl)
        {
            Content = new StringContent(form!, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        replay.Headers.Add("Cookie", cookieHeader);
        using var response = await attacker.SendAsync(replay);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passkey request expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], cookie => cookie.StartsWith("identity=", StringComparison.Ordinal));
    }

    private static string Tamper(string form)
    {
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + form);
        var json = System.Text.Json.Nodes.JsonNode.Parse(fields["CredentialJson"].ToString())!;
        var data = json["response"]!["authenticatorData"]!.GetValue<string>();
        json["response"]!["authenticatorData"] = (data[0] == 'A' ? 'B' : 'A') + data[1..];
        return string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(
            field.Key == "CredentialJson" ? json.ToJsonString() : field.Value.ToString())));
    }
}
