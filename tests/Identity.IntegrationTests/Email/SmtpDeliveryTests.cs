using System.Net;
using Identity.IntegrationTests.Account;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Identity.IntegrationTests.Email;

/// <summary>Account email through a real SMTP conversation (MailKitEmailSender) with an in-process server.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private SmtpSink _sink = null!;
    private IdentityServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _server = new IdentityServerFactory()
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:Smtp:From", "identity@example.com");
        _server.ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(_logs);
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Register_DeliversConfirmationWithTextAndHtml_WhenSmtpIsConfigured()
    {
        using var browser = _server.CreateBrowser();

        await browser.RegisterAsync("smtp@example.com");

        var message = Assert.Single(_sink.Messages);
        var from = message.From.Mailboxes.Single();
        Assert.Equal(("Identity", "identity@example.com"), (from.Name, from.Address));
        Assert.Equal("smtp@example.com", message.To.Mailboxes.Single().Address);
        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.OfType<TextPart>().Select(part => part.ContentType.MimeType));
        var link = message.Link("/account/confirm-email");
        Assert.Contains(WebUtility.HtmlEncode(new Uri(IdentityServerFactory.Issuer, link).AbsoluteUri), message.HtmlBody);
        Assert.Empty(_server.OutboxMessages());

        Assert.Contains("Email address confirmed", (await browser.GetAsync(link)).Text);
    }

    [Fact]
    public async Task Register_RetriesAndDelivers_WhenServerRefusesTransiently()
    {
        _sink.Refuse(2, reply: 451);
        using var browser = _server.CreateBrowser();

        var page = await browser.RegisterAsync("retry@example.com");

        Assert.Equal("/account/check-email", page.Url.AbsolutePath);
        Assert.Equal(2, _sink.Refused);
        Assert.Single(_sink.Messages);
    }

    [Fact]
    public async Task Register_ShowsMessageAfterOneAttempt_WhenServerRefusesPermanently()
    {
        _sink.Refuse(1, reply: 550);
        using var browser = _server.CreateBrowser();

        var page = await browser.RegisterAsync("refused@example.com");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("We could not send you an email just now.", page.Text);
        Assert.Equal(1, _sink.Refused);
        Assert.Empty(_sink.Messages);
        var failure = Assert.Single(_logs.Entries, entry => entry.EventId.Id == SecurityEventIds.EmailSendFailed);
        Assert.Contains("r•••@example.com", failure.Message);
        Assert.Contains("550", failure.Message);
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains("refused@example.com", StringComparison.OrdinalIgnoreCase));
    }
}
