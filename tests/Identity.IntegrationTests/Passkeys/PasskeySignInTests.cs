using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Passkeys;

/// <summary>
/// The passkey sign-in page at the HTTP level: the options it hands the browser (WebAuthn §5.5) and what
/// it answers to bad input. Genuine ceremonies run in Chromium in Identity.EndToEndTests.
/// </summary>
public sealed class PasskeySignInTests : IDisposable
{
    private const string PagePath = "/account/passkeys/sign-in";
    private readonly IdentityServerFactory _server = new();

    [Fact]
    public async Task Options_NameIssuerHostAndRequireUserVerification_WhenRequested()
    {
        using var browser = _server.CreateBrowser();
        var page = await browser.GetAsync(PagePath);

        using var options = JsonDocument.Parse(await RequestOptionsAsync(browser, page));

        Assert.Equal("localhost", options.RootElement.GetProperty("rpId").GetString());
        Assert.Equal("required", options.RootElement.GetProperty("userVerification").GetString());
        Assert.False(string.IsNullOrEmpty(options.RootElement.GetProperty("challenge").GetString()));
        Assert.Equal(0, options.RootElement.TryGetProperty("allowCredentials", out var allowed) ? allowed.GetArrayLength() : 0);
    }

    [Fact]
    public async Task Options_AreRefused_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        await browser.GetAsync(PagePath);

        var response = await browser.Http.PostAsync(PagePath + "?handler=Options", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ShowsMessageAndNoSession_WhenCredentialIsMalformed()
    {
        await _server.CreateUserAsync("malformed@example.com");
        using var browser = _server.CreateBrowser();
        var page = await browser.GetAsync(PagePath);
        await RequestOptionsAsync(browser, page);

        var result = await browser.SubmitAsync(page, new Dictionary<string, string> { ["CredentialJson"] = "{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}" }, formSelector: "form.passkey");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("That passkey could not be verified.", result.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_ShowsExpiredMessage_WhenNoCeremonyWasStarted()
    {
        using var browser = _server.CreateBrowser();
        var page = await browser.GetAsync(PagePath);

        var result = await browser.SubmitAsync(page, new Dictionary<string, string> { ["CredentialJson"] = "{\"id\":\"AAAA\"}" }, formSelector: "form.passkey");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The passkey request expired.", result.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_ShowsCancelledMessage_WhenBrowserReportsNotAllowed()
    {
        using var browser = _server.CreateBrowser();
        var page = await browser.GetAsync(PagePath);
        await RequestOptionsAsync(browser, page);

        var result = await browser.SubmitAsync(page, new Dictionary<string, string> { ["BrowserError"] = "NotAllowedError" }, formSelector: "form.passkey");

        Assert.Contains("The passkey request was cancelled or timed out.", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NotAllowedError", result.Text, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SecondStep_SendsToSignIn_WhenNoSignInIsWaiting()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync("/account/passkeys/two-step");

        Assert.Equal("/account/login", page.Url.AbsolutePath);
    }

    public void Dispose() => _server.Dispose();

    private static async Task<string> RequestOptionsAsync(BrowserClient browser, BrowserClient.Page page)
    {
        var token = page.Document.QuerySelector<IHtmlInputElement>("form.passkey input[name=__RequestVerificationToken]")!.Value;
        var response = await browser.Http.PostAsync(PagePath + "?handler=Options", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
