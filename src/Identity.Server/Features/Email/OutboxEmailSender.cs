using System.Globalization;
using Identity.Server.Data;

namespace Identity.Server.Features.Email;

/// <summary>
/// Writes each email as a file under the data folder's <c>outbox</c> instead of sending it, so the
/// one-command start works without an SMTP server and a person trying it can read their messages.
/// </summary>
public sealed class OutboxEmailSender(DataDirectory data, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        var path = data.Combine("outbox", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = $"To: {message.To}\nSubject: {message.Subject}\nContent-Type: text/plain; charset=utf-8\n\n{message.TextBody}\n";
        await File.WriteAllTextAsync(path, content, cancellationToken);
        logger.LogInformation("Email to {Recipient} written to the outbox file {File}", EmailAddressMask.Mask(message.To), name);
        return EmailSendResult.Sent;
    }
}
