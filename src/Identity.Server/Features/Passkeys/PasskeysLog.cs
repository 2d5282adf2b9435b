namespace Identity.Server.Features.Passkeys;

/// <summary>Security events of passkeys (ids 5200–5299). Never credential JSON, keys or challenges.</summary>
internal static partial class PasskeysLog
{
    [LoggerMessage(5200, LogLevel.Information, "Passkey added for {UserId}")]
    public static partial void Added(ILogger logger, string userId);

    [LoggerMessage(5201, LogLevel.Information, "Passkey not added for {UserId}: {Outcome}")]
    public static partial void NotAdded(ILogger logger, string userId, string outcome);

    [LoggerMessage(5202, LogLevel.Information, "Passkey {Ceremony} for {UserId}: verified")]
    public static partial void Verified(ILogger logger, string ceremony, string userId);

    [LoggerMessage(5203, LogLevel.Warning, "Passkey {Ceremony} refused: {Outcome} ({Reason})")]
    public static partial void Refused(ILogger logger, string ceremony, string outcome, string reason);

    [LoggerMessage(5204, LogLevel.Information, "Passkey of {UserId} {Change}")]
    public static partial void Changed(ILogger logger, string userId, string change);
}
