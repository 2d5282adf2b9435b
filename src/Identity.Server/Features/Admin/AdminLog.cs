using Identity.Server.Security;

namespace Identity.Server.Features.Admin;

/// <summary>Log events of the admin area beyond the audit entries. Accounts by id only.</summary>
public static partial class AdminLog
{
    [LoggerMessage(EventId = SecurityEventIds.AdminAccessDenied, Level = LogLevel.Warning,
        Message = "Admin page {Path} refused to {UserId}: {Reason}")]
    public static partial void AccessDenied(ILogger logger, string? userId, string path, string reason);

    [LoggerMessage(EventId = SecurityEventIds.AdminSessionExpired, Level = LogLevel.Information,
        Message = "Administrator {UserId} must sign in again: the sign-in is older than Admin:SessionLifetime")]
    public static partial void SessionExpired(ILogger logger, string? userId);

    [LoggerMessage(EventId = SecurityEventIds.LastAdministratorProtected, Level = LogLevel.Warning,
        Message = "Refused to {Action} {UserId}: the last administrator")]
    public static partial void LastAdministratorProtected(ILogger logger, string action, string userId);

    [LoggerMessage(EventId = SecurityEventIds.ClientSecretRotated, Level = LogLevel.Warning,
        Message = "Secret of client {ClientId} rotated; the old one no longer works")]
    public static partial void ClientSecretRotated(ILogger logger, string clientId);
}
