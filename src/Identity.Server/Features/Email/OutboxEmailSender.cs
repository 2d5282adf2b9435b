using System.Globalization;
using Identity.Server.Data;
using MimeKit;

namespace Identity.Server.Features.Email;

/// <summary>
/// Writes each email as an <c>.eml</c> file under the data folder's <c>outbox</c> instead of sending it,
/// so the one-command start works without an SMTP server and a person trying it can read their
/// messages. Both parts are stored unencoded (8bit), so the links can be read and copied as they are.
/// </summary>
public sealed class OutboxEmailSender(DataDirectory data, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var recipient = EmailAddressMask.Mask(message.To);
        var now = time.GetUtcNow();
        if (EmailMime.Create(message, from: null, now) is not { } mime)
        {
            EmailLog.RecipientInvalid(logger, message.Subject, recipient);
            return EmailSendResult.Failed;
        }

        foreach (var part in mime.BodyParts.OfType<TextPart>())
        {
            part.ContentTransferEncoding = ContentEncoding.EightBit;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        var path = data.Combine("outbox", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await mime.WriteToAsync(path, cancellationToken);
        EmailLog.WrittenToOutbox(logger, message.Subject, recipient, name);
        return EmailSendResult.Sent;
    }
}
