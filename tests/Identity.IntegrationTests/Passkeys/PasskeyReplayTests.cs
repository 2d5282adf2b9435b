using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Passkeys;

/// <summary>
/// A passkey ceremony is answered once (WebAuthn §13.4.3): an attacker who kept the ceremony cookie
/// and replays the answer is refused, even at another server instance sharing the database.
/// </summary>
public sealed class PasskeyReplayTests : IDisposable
{
    private const string PagePath = "/account/passkeys/sign-in";
    private const string Answer = "{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}";
    private readonly SharedDatabaseServers _servers = new();

    [Fact]
    public async Task SignIn_RefusesAsExpired_WhenTheAnsweredCeremonyIsReplayedAtAnotherServer()
    {
        using var victim = _servers.First.CreateBrowser();
        var page = await victim.GetAsync(PagePath);
        var ceremonyCookie = await StartCeremonyAsync(victim, page);
        var answered = await victim.SubmitAsync(page, new Dictionary<string, string> { ["CredentialJson"] = Answer }, formSelector: "form.passkey");
        Assert.Contains("That passkey could not be verified.", answered.Text, StringComparison.Ordinal);

        using var attacker = _servers.Second.CreateBrowser();
        var replayed = await ReplayAsync(attacker, await attacker.GetAsync(PagePath), ceremonyCookie);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("The passkey request expired.", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ChecksTheAnswer_WhenTheCeremonyIsUsedForTheFirstTimeAtAnotherServer()
    {
        using var browser = _servers.First.CreateBrowser();
        var ceremonyCookie = await StartCeremonyAsync(browser, await browser.GetAsync(PagePath));

        using var elsewhere = _servers.Second.CreateBrowser();
        var answered = await ReplayAsync(elsewhere, await elsewhere.GetAsync(PagePath), ceremonyCookie);

        Assert.Contains("That passkey could not be verified.", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _servers.Dispose();

    /// <summary>Asks for options as the page's script does; returns the ceremony cookie it set.</summary>
    private static async Task<string> StartCeremonyAsync(BrowserClient browser, BrowserClient.Page page)
    {
        var token = page.Document.QuerySelector<IHtmlInputElement>("form.passkey input[name=__RequestVerificationToken]")!.Value;
        var response = await browser.Http.PostAsync(PagePath + "?handler=Options", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.Contains("passkey=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    /// <summary>Posts an answer on the page with a ceremony cookie the browser did not get itself.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(BrowserClient browser, BrowserClient.Page page, string ceremonyCookie)
    {
        var token = page.Document.QuerySelector<IHtmlInputElement>("form.passkey input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, PagePath)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("CredentialJson", Answer)]),
        };
        request.Headers.Add("Cookie", ceremonyCookie);
        return await browser.Http.SendAsync(request);
    }
}
