using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/forgot-password: a reset link for a confirmed account, the same answer for every address.</summary>
public sealed class ForgotPasswordTests : IAsyncLifetime
{
    private const string Answer = "If an account with this address exists, we sent it a link to choose a new password.";
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ForgotPassword_SendsResetLink_WhenAccountIsConfirmed()
    {
        await _server.CreateUserAsync("forgetful@example.com");
        using var browser = _server.CreateBrowser();

        var page = await browser.ForgotPasswordAsync("forgetful@example.com");

        Assert.Contains(Answer, page.Text);
        var email = Assert.Single(_server.MailTo("forgetful@example.com"));
        Assert.Equal("Reset your Identity password", email.Subject);
        Assert.StartsWith("/account/reset-password?", email.Link("/account/reset-password"));
    }

    [Fact]
    public async Task ForgotPassword_AnswersTheSameAndSendsNothing_WhenAccountIsUnknownOrUnconfirmed()
    {
        await _server.CreateUserAsync("known@example.com");
        await _server.CreateUserAsync("unconfirmed@example.com", emailConfirmed: false);
        using var browser = _server.CreateBrowser();

        var known = await browser.ForgotPasswordAsync("known@example.com");
        var unconfirmed = await browser.ForgotPasswordAsync("unconfirmed@example.com");
        var unknown = await browser.ForgotPasswordAsync("stranger@example.com");

        Assert.Equal(known.Text, unconfirmed.Text);
        Assert.Equal(known.Text, unknown.Text);
        Assert.Single(_server.OutboxMessages());
        Assert.Single(_server.MailTo("known@example.com"));
    }

    [Theory]
    [InlineData("", "Enter your email address.")]
    [InlineData("known at example.com", "Enter a valid email address.")]
    public async Task ForgotPassword_ShowsFieldMessage_WhenEmailIsMissingOrInvalid(string email, string message)
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.ForgotPasswordAsync(email);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("Input.Email"));
        Assert.DoesNotContain(Answer, page.Text);
    }

    [Fact]
    public async Task ForgotPassword_RejectsPost_WhenAntiforgeryTokenIsMissing()
    {
        await _server.CreateUserAsync("forged@example.com");
        using var browser = _server.CreateBrowser();

        var response = await browser.PostWithoutAntiforgeryAsync("/account/forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "forged@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.OutboxMessages());
    }
}
