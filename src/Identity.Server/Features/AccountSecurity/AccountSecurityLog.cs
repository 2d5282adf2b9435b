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

    [LoggerMessage(EventId = SecurityEventIds.SessionsRevoked, Level = LogLevel.Warning,
        Message = "Sessions of account {UserId} ended ({Reason}); {Tokens} tokens and {Authorizations} authorizations revoked")]
    public static partial void SessionsRevoked(ILogger logger, string userId, RevocationReason reason, long tokens, long authorizations);

    [LoggerMessage(EventId = SecurityEventIds.AppAccessRevoked, Level = LogLevel.Warning,
        Message = "Account {UserId} revoked the access of client {ClientId}; {Tokens} tokens revoked")]
    public static partial void AppAccessRevoked(ILogger logger, string userId, string clientId, long tokens);

    [LoggerMessage(EventId = SecurityEventIds.DeviceChanged, Level = LogLevel.Information,
        Message = "Account {UserId} changed a device: {Change}")]
    public static partial void DeviceChanged(ILogger logger, string userId, string change);
}
