using Identity.Server.Security;

namespace Identity.Server.Features.NewDevice;

/// <summary>Security events of new devices (ids 5200–5299). Never device ids, link tokens or full addresses.</summary>
internal static partial class NewDeviceLog
{
    [LoggerMessage(EventId = SecurityEventIds.DeviceChecked, Level = LogLevel.Information, Message = "Device check after the password of {UserId}: {Step}")]
    public static partial void DeviceChecked(ILogger logger, string userId, string step);

    [LoggerMessage(EventId = SecurityEventIds.DeviceRecorded, Level = LogLevel.Information, Message = "Challenge passed by {UserId} on a {Result} device {DeviceId}")]
    public static partial void DeviceRecorded(ILogger logger, string userId, string result, Guid deviceId);

    [LoggerMessage(EventId = SecurityEventIds.NewDeviceNoticeSent, Level = LogLevel.Information, Message = "New-device notice to {UserId}: email {Email}, text {Text}")]
    public static partial void NoticeSent(ILogger logger, string userId, string email, string text);

    [LoggerMessage(EventId = SecurityEventIds.DeviceCookieRejected, Level = LogLevel.Warning, Message = "A device cookie failed its protection check; the browser counts as new")]
    public static partial void DeviceCookieRejected(ILogger logger);

    [LoggerMessage(EventId = SecurityEventIds.DeviceSessionEnded, Level = LogLevel.Information, Message = "Session of {UserId} ended: its device was signed out or forgotten")]
    public static partial void DeviceSessionEnded(ILogger logger, string userId);

    [LoggerMessage(EventId = SecurityEventIds.NotMeUsed, Level = LogLevel.Warning, Message = "Account {UserId} reported a sign-in as not theirs; signed out everywhere, reset email {EmailResult}")]
    public static partial void NotMeUsed(ILogger logger, string userId, string emailResult);

    [LoggerMessage(EventId = SecurityEventIds.NotMeLinkRejected, Level = LogLevel.Information, Message = "A \"This wasn't me\" link was unknown, expired or used")]
    public static partial void NotMeLinkRejected(ILogger logger);
}
