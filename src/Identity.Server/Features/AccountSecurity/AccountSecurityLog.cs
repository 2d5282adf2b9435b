using Identity.Server.Features.Email;
using Identity.Server.Security;

namespace Identity.Server.Features.AccountSecurity;

public static partial class AccountSecurityLog
{
    [LoggerMessage(EventId = SecurityEventIds.PasswordChanged, Level = LogLevel.Warning,
        Message = "Password of account {UserId} changed by its owner; other sessions end; notice {EmailResult}")]
    public static partial void PasswordChanged(ILogger logger, string userId, EmailSendResult emailResult);

    [LoggerMessage(EventId = SecurityEventIds.PasswordChangeRejected, Level = LogLevel.Information,
        Message = "Password change for account {UserId} refused: {Reason}")]
    public static partial void PasswordChangeRejected(ILogger logger, string userId, string reason);

    [LoggerMessage(EventId = SecurityEventIds.DisplayNameChanged, Level = LogLevel.Information,
        Message = "Display name of account {UserId} changed")]
    public static partial void DisplayNameChanged(ILogger logger, string userId);
}
