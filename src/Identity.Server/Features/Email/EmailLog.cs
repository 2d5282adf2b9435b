using Identity.Server.Security;

namespace Identity.Server.Features.Email;

/// <summary>Log events of email delivery. Recipients are always masked; SMTP replies are not logged,
/// because servers echo the recipient address in them.</summary>
public static partial class EmailLog
{
    [LoggerMessage(EventId = SecurityEventIds.EmailSent, Level = LogLevel.Information,
        Message = "Email '{Subject}' to {Recipient} sent through SMTP after {Attempts} attempt(s)")]
    public static partial void Sent(ILogger logger, string subject, string recipient, int attempts);

    [LoggerMessage(EventId = SecurityEventIds.EmailSendFailed, Level = LogLevel.Error,
        Message = "Email '{Subject}' to {Recipient} could not be sent after {Attempts} attempt(s): {Failure}")]
    public static partial void SendFailed(ILogger logger, string subject, string recipient, int attempts, string failure);

    [LoggerMessage(EventId = SecurityEventIds.EmailWrittenToOutbox, Level = LogLevel.Information,
        Message = "Email '{Subject}' to {Recipient} written to the outbox file {File}")]
    public static partial void WrittenToOutbox(ILogger logger, string subject, string recipient, string file);

    [LoggerMessage(EventId = SecurityEventIds.EmailRecipientInvalid, Level = LogLevel.Warning,
        Message = "Email '{Subject}' to {Recipient} not sent: the address cannot be written in a message")]
    public static partial void RecipientInvalid(ILogger logger, string subject, string recipient);
}
