using Identity.Server.Features.Shared;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Identity.Server.Features.Email;

/// <summary>
/// Sends email through the SMTP server in <c>Email:Smtp</c>. Transient failures are retried a few
/// times; every failure ends here as <see cref="EmailSendResult.Failed"/> with one log line.
/// </summary>
public sealed class MailKitEmailSender(
    IOptions<EmailOptions> options,
    IOptions<BrandingOptions> branding,
    TimeProvider time,
    ILogger<MailKitEmailSender> logger) : IEmailSender
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var recipient = EmailAddressMask.Mask(message.To);
        var from = new MailboxAddress(smtp.FromName ?? branding.Value.ProductName, smtp.From!.Trim());
        if (EmailMime.Create(message, from, time.GetUtcNow()) is not { } mime)
        {
            EmailLog.RecipientInvalid(logger, message.Subject, recipient);
            return EmailSendResult.Failed;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeliverAsync(mime, smtp, cancellationToken);
                EmailLog.Sent(logger, message.Subject, recipient, attempt);
                return EmailSendResult.Sent;
            }
            catch (Exception exception) when (SmtpFailures.IsDeliveryFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                if (!SmtpFailures.IsTransient(exception) || attempt > smtp.Retries)
                {
                    EmailLog.SendFailed(logger, message.Subject, recipient, attempt, SmtpFailures.Describe(exception));
                    return EmailSendResult.Failed;
                }

                await Task.Delay(FirstPause * Math.Pow(2, attempt - 1), time, cancellationToken);
            }
        }
    }

    private static async Task DeliverAsync(MimeMessage mime, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Map(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
