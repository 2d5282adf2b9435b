using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>What a person does on the pages, by role and label, as reusable steps.</summary>
public static class Steps
{
    /// <summary>Opens the demo client and chooses Sign in; ends on the server's sign-in page.</summary>
    public static async Task StartAtDemoAsync(this Browser browser, Sites sites)
    {
        await browser.ClickSignInAtDemoAsync(sites);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Opens the demo client and chooses Sign in, whatever the server then does.</summary>
    public static async Task ClickSignInAtDemoAsync(this Browser browser, Sites sites)
    {
        await browser.Page.GotoAsync(sites.Demo.BaseAddress.ToString());
        await browser.ShotAsync("demo-signed-out");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public static async Task EnterPasswordAsync(this Browser browser, string email, string password = Sites.Password)
    {
        await browser.Page.GetByLabel("Email address").FillAsync(email);
        await browser.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await browser.ShotAsync("sign-in");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in on the server itself (not through a client) and lands on the security page.</summary>
    public static async Task SignInOnServerAsync(this Browser browser, Sites sites, string email)
    {
        await browser.Page.GotoAsync(new Uri(sites.Server.BaseAddress, "account/login").ToString());
        await browser.EnterPasswordAsync(email);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Security", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>The passkey page (no email field, so no autofill racing the button) and its button.</summary>
    public static async Task SignInWithPasskeyButtonAsync(this Browser browser, Sites sites)
    {
        await browser.Page.GotoAsync(new Uri(sites.Server.BaseAddress, "account/passkeys/sign-in").ToString());
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
    }

    /// <summary>
    /// Keeps the sign-in page from getting passkey autofill options. The virtual authenticator answers a
    /// conditional request at once (a person would pick the passkey first), which would race a typed password.
    /// </summary>
    public static Task BlockPasskeyAutofillAsync(this Browser browser) =>
        browser.Page.RouteAsync(PasskeyOptionsUrl, route => route.AbortAsync());

    private const string PasskeyOptionsUrl = "**/account/passkeys/sign-in?handler=Options";

    /// <summary>
    /// Signs out on the server's own pages (top bar, then confirm). Signing out lands on the sign-in page,
    /// whose passkey autofill the virtual authenticator would answer at once and sign straight back in while
    /// the test moves on; the autofill is held off until that page has settled.
    /// </summary>
    public static async Task SignOutOnServerAsync(this Browser browser)
    {
        var autofillRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<IRoute, Task> abort = async route =>
        {
            await route.AbortAsync();
            autofillRefused.TrySetResult();
        };
        await browser.Page.RouteAsync(PasskeyOptionsUrl, abort);
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.Page.WaitForURLAsync(url => !url.Contains("/account/logout", StringComparison.Ordinal));
        // The sign-in page asks for autofill options once, on load; waiting for that request (rather than for
        // the network to go quiet, which timed out now and then) is what makes unrouting safe.
        await autofillRefused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await browser.Page.UnrouteAsync(PasskeyOptionsUrl, abort);
    }

    /// <summary>Adds a passkey from the security page; the virtual authenticator answers the browser's prompt.</summary>
    public static async Task AddPasskeyAsync(this Browser browser, string name)
    {
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Add a passkey" }).First.ClickAsync();
        await browser.Page.GetByLabel("Passkey name").FillAsync(name);
        await browser.ShotAsync("add-passkey");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Create passkey" }).ClickAsync();
    }

    /// <summary>The demo client's page after a sign-in: who, and the ID token's amr values.</summary>
    public static async Task<IReadOnlyList<string>> ExpectSignedInAtDemoAsync(this Browser browser, Sites sites, string email)
    {
        await browser.Page.WaitForURLAsync(sites.Demo.BaseAddress + "**");
        await Expect(browser.Page.GetByText("Signed in as")).ToBeVisibleAsync();
        await browser.ShotAsync("demo-signed-in");
        return await browser.Page.Locator("code.tag").AllInnerTextsAsync();
    }

    /// <summary>Signs out at the demo client, confirms at the server, and is back at the demo signed out.</summary>
    public static async Task SignOutAtDemoAsync(this Browser browser, Sites sites)
    {
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await browser.ShotAsync("sign-out");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await browser.Page.WaitForURLAsync(sites.Demo.BaseAddress + "**");
        await Expect(browser.Page.GetByText("You are signed out.")).ToBeVisibleAsync();
        await browser.ShotAsync("demo-signed-out-again");
    }
}
