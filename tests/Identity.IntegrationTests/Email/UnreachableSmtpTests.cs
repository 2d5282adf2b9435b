using System.Globalization;
using System.Net;
using Identity.IntegrationTests.Account;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.IntegrationTests.Email;

/// <summary>An SMTP server nobody answers at: the pages explain instead of failing, and reveal no accounts.</summary>
public sealed class UnreachableSmtpTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private readonly IdentityServerFactory _server = new IdentityServerFactory()
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:Smtp:Port", SmtpSink.FreePort().ToString(CultureInfo.InvariantCulture))
        .With("Email:Smtp:From", "identity@example.com");

    public Task InitializeAsync()
    {
        _server.ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(_logs);
        return _server.CreateUserAsync("existing@example.com");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_ShowsClearMessage_WhenSmtpServerIsUnreachable()
    {
        using var browser = _server.CreateBrowser();

        var fresh = await browser.RegisterAsync("unlucky@example.com");
        var existing = await browser.RegisterAsync("existing@example.com");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal("/account/register", fresh.Url.AbsolutePath);
        Assert.Contains("We could not send you an email just now.", fresh.Text);
        Assert.Equal(fresh.Document.QuerySelector(".alert")!.TextContent, existing.Document.QuerySelector(".alert")!.TextContent);
        var failures = _logs.Entries.Where(entry => entry.EventId.Id == SecurityEventIds.EmailSendFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, failure => Assert.Contains("after 3 attempt(s)", failure.Message));
    }

    [Fact]
    public async Task ForgotPassword_AnswersAsForAnyAddress_WhenSmtpServerIsUnreachable()
    {
        using var browser = _server.CreateBrowser();

        var existing = await browser.ForgotPasswordAsync("existing@example.com");
        var unknown = await browser.ForgotPasswordAsync("unknown@example.com");

        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Contains("If an account with this address exists", existing.Text);
        Assert.Contains("try again later", existing.Text);
        Assert.Equal(existing.Text, unknown.Text);
        Assert.Single(_logs.Entries, entry => entry.EventId.Id == SecurityEventIds.EmailSendFailed);
    }
}
