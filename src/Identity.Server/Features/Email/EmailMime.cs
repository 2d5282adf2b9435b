using MimeKit;
using MimeKit.Text;

namespace Identity.Server.Features.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message that is sent or written to the outbox.</summary>
public static class EmailMime
{
    /// <summary>
    /// A multipart/alternative message with the plain text first and the HTML last, the order in which
    /// mail readers prefer the last part they can show (RFC 2046 §5.1.4). Null when the recipient is
    /// not an address MimeKit can write.
    /// </summary>
    public static MimeMessage? Create(EmailMessage message, MailboxAddress? from, DateTimeOffset date)
    {
        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            return null;
        }

        var mime = new MimeMessage { Subject = message.Subject, Date = date };
        if (from is not null)
        {
            mime.From.Add(from);
        }

        mime.To.Add(to);
        mime.Body = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = message.TextBody },
            new TextPart(TextFormat.Html) { Text = message.HtmlBody },
        };
        return mime;
    }
}
