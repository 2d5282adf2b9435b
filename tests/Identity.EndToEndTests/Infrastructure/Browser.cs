using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>
/// Headless Chromium from the system (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>) with a fresh
/// profile folder of its own: a new device as far as the server can tell. A missing browser fails the
/// test. Every <see cref="ShotAsync"/> keeps a phone-sized and a desktop screenshot under <c>artifacts/</c>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static readonly string ArtifactsRoot = Path.Combine(AppContext.BaseDirectory, "artifacts");

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private readonly string _profile;
    private readonly string _artifacts;
    private int _shots;

    private Browser(IBrowserContext context, IPage page, string profile, string artifacts)
    {
        Context = context;
        Page = page;
        _profile = profile;
        _artifacts = artifacts;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<Browser> LaunchAsync(IPlaywright playwright, [CallerMemberName] string journey = "")
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ExecutablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "identity-e2e-profile", Guid.NewGuid().ToString("N"));
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = Desktop,
            Locale = "en-US",
        });
        // Generous: CI machines have two cores, shared with the server under test.
        context.SetDefaultTimeout(30_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var artifacts = Path.Combine(ArtifactsRoot, journey);
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        return new Browser(context, page, profile, artifacts);
    }

    /// <summary>
    /// A CTAP2 platform authenticator (Chrome DevTools WebAuthn domain) with resident keys and user
    /// verification, standing in for Windows Hello or Touch ID.
    /// </summary>
    public async Task<VirtualAuthenticator> AddAuthenticatorAsync(bool userVerified = true)
    {
        var cdp = await Context.NewCDPSessionAsync(Page);
        await cdp.SendAsync("WebAuthn.enable");
        var result = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = userVerified,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(cdp, result!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>Screenshots of the current page on a phone and on a desktop, numbered in journey order.</summary>
    public async Task ShotAsync(string name)
    {
        var number = Interlocked.Increment(ref _shots).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, $"{number}-{name}-phone.png"), FullPage = true });
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, $"{number}-{name}-desktop.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        // Where the journey ended, for reading a failure.
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "last.png"), FullPage = true, Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Only a diagnostic; the journey's own assertions decide.
        }
        await Context.CloseAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Litter in the temp folder only.
        }
    }
}

/// <summary>A virtual authenticator in one page's DevTools session.</summary>
public sealed record VirtualAuthenticator(ICDPSession Session, string Id)
{
    public async Task<int> CredentialCountAsync()
    {
        var result = await Session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = Id });
        return result!.Value.GetProperty("credentials").GetArrayLength();
    }

    public Task SetUserVerifiedAsync(bool verified) =>
        Session.SendAsync("WebAuthn.setUserVerified", new Dictionary<string, object> { ["authenticatorId"] = Id, ["isUserVerified"] = verified });
}
