using Identity.Server.Data;
using Identity.Server.Features.Email;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Identity.UnitTests.Email;

/// <summary>The outbox file is a real .eml that a person can also read in a text editor, links intact.</summary>
public sealed class OutboxEmailSenderTests : IDisposable
{
    private const string Link = "https://id.example/account/reset-password?userId=4f1c2b9e-0d6a-4a57-9b55-3f7e7f1f2c11&code=Q2ZESjhBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outbox-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Send_WritesBothBodiesReadably_WhenMessageHasLongLink()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero));
        var sender = new OutboxEmailSender(
            new DataDirectory(Options.Create(new DatabaseOptions { DataDirectory = _folder }), new HostingEnvironment { ContentRootPath = _folder }),
            time, NullLogger<OutboxEmailSender>.Instance);
        var message = new EmailMessage("reader@example.com", "Nieuw wachtwoord kiezen", $"Kies een nieuw wachtwoord:\n{Link}\n",
            $"<p><a href=\"{Link.Replace("&", "&amp;", StringComparison.Ordinal)}\">Kies één nieuw wachtwoord</a></p>");

        var result = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailSendResult.Sent, result);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "outbox")));
        Assert.StartsWith("20261125-103000-000-", Path.GetFileName(file));
        var raw = await File.ReadAllTextAsync(file);
        Assert.Contains(Link + "\n", raw.ReplaceLineEndings("\n"));
        Assert.Contains("Kies één nieuw wachtwoord", raw);
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("reader@example.com", parsed.To.Mailboxes.Single().Address);
        Assert.Contains(Link, parsed.TextBody);
        Assert.Contains("&amp;code=", parsed.HtmlBody);
    }

    [Fact]
    public async Task Send_ReportsFailure_WhenRecipientCannotBeWritten()
    {
        var sender = new OutboxEmailSender(
            new DataDirectory(Options.Create(new DatabaseOptions { DataDirectory = _folder }), new HostingEnvironment { ContentRootPath = _folder }),
            TimeProvider.System, NullLogger<OutboxEmailSender>.Instance);

        var result = await sender.SendAsync(new EmailMessage("not an address <", "s", "t", "h"), CancellationToken.None);

        Assert.Equal(EmailSendResult.Failed, result);
        Assert.False(Directory.Exists(Path.Combine(_folder, "outbox")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
