using Identity.Server.Security;

namespace Identity.Server.Features.Registration;

public static partial class RegistrationLog
{
    [LoggerMessage(EventId = SecurityEventIds.AccountRegistered, Level = LogLevel.Information,
        Message = "Account {UserId} registered; confirmation email {EmailResult}")]
    public static partial void Registered(ILogger logger, string userId, Email.EmailSendResult emailResult);

    [LoggerMessage(EventId = SecurityEventIds.RegistrationForExistingAccount, Level = LogLevel.Information,
        Message = "Registration with the address of account {UserId}; notice {EmailResult}")]
    public static partial void ExistingAccount(ILogger logger, string userId, Email.EmailSendResult emailResult);

    [LoggerMessage(EventId = SecurityEventIds.RegistrationRejected, Level = LogLevel.Information,
        Message = "Registration rejected: {Codes}")]
    public static partial void Rejected(ILogger logger, string codes);

    [LoggerMessage(EventId = SecurityEventIds.EmailConfirmed, Level = LogLevel.Information,
        Message = "Email address of account {UserId} confirmed")]
    public static partial void Confirmed(ILogger logger, string userId);

    [LoggerMessage(EventId = SecurityEventIds.EmailConfirmationFailed, Level = LogLevel.Information,
        Message = "Email confirmation link rejected (known account: {KnownAccount})")]
    public static partial void ConfirmationFailed(ILogger logger, bool knownAccount);

    [LoggerMessage(EventId = SecurityEventIds.ConfirmationResent, Level = LogLevel.Information,
        Message = "New confirmation email for account {UserId} {EmailResult}")]
    public static partial void Resent(ILogger logger, string userId, Email.EmailSendResult emailResult);
}
