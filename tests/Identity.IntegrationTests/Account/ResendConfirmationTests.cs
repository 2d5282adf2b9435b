using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/resend-confirmation: a new link for an unconfirmed account, the same answer for every address.</summary>
public sealed class ResendConfirmationTests : IAsyncLifetime
{
    private const string Answer = "If an account with this address is waiting for confirmation, we sent it a new link.";
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Resend_SendsLinkThatConfirms_WhenAccountIsUnconfirmed()
    {
        await _server.CreateUserAsync("waiting@example.com", emailConfirmed: false);
        using var browser = _server.CreateBrowser();

        var page = await ResendAsync(browser, "waiting@example.com");

        Assert.Contains(Answer, page.Text);
        var email = Assert.Single(_server.MailTo("waiting@example.com"));
        Assert.Contains("Email address confirmed", (await browser.GetAsync(email.Link("/account/confirm-email"))).Text);
        Assert.Equal("/account/security", (await browser.SignInAsync("waiting@example.com")).Url.AbsolutePath);
    }

    [Fact]
    public async Task Resend_AnswersTheSameAndSendsNothing_WhenAccountIsConfirmedOrUnknown()
    {
        await _server.CreateUserAsync("done@example.com");
        using var browser = _server.CreateBrowser();

        var confirmed = await ResendAsync(browser, "done@example.com");
        var unknown = await ResendAsync(browser, "nobody@example.com");

        Assert.Contains(Answer, confirmed.Text);
        Assert.Equal(confirmed.Text, unknown.Text);
        Assert.Empty(_server.OutboxMessages());
    }

    [Fact]
    public async Task Resend_ShowsFieldMessage_WhenEmailIsInvalid()
    {
        using var browser = _server.CreateBrowser();

        var page = await ResendAsync(browser, "not-an-address");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter a valid email address.", page.FieldError("Input.Email"));
        Assert.DoesNotContain(Answer, page.Text);
    }

    [Fact]
    public async Task Resend_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        await _server.CreateUserAsync("forged@example.com", emailConfirmed: false);
        using var browser = _server.CreateBrowser();

        var response = await browser.PostWithoutAntiforgeryAsync("/account/resend-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = "forged@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.OutboxMessages());
    }

    private static async Task<BrowserClient.Page> ResendAsync(BrowserClient browser, string email)
    {
        var form = await browser.GetAsync("/account/resend-confirmation");
        return await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email });
    }
}
