using Identity.Server.Features.Email;
using Identity.Server.Security;

namespace Identity.Server.Features.PasswordReset;

public static partial class PasswordResetLog
{
    [LoggerMessage(EventId = SecurityEventIds.PasswordResetRequested, Level = LogLevel.Information,
        Message = "Password reset link for account {UserId} {EmailResult}")]
    public static partial void Requested(ILogger logger, string userId, EmailSendResult emailResult);

    [LoggerMessage(EventId = SecurityEventIds.PasswordResetNotSent, Level = LogLevel.Information,
        Message = "Password reset asked for an address without a confirmed account; nothing sent")]
    public static partial void NotSent(ILogger logger);

    [LoggerMessage(EventId = SecurityEventIds.PasswordReset, Level = LogLevel.Warning,
        Message = "Password of account {UserId} reset by email link; other sessions end; notice {EmailResult}")]
    public static partial void Reset(ILogger logger, string userId, EmailSendResult emailResult);

    [LoggerMessage(EventId = SecurityEventIds.PasswordResetLinkRejected, Level = LogLevel.Information,
        Message = "Password reset link rejected (known account: {KnownAccount})")]
    public static partial void LinkRejected(ILogger logger, bool knownAccount);
}
