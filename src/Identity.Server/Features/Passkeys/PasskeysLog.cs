namespace Identity.Server.Features.Passkeys;

/// <summary>Security events of passkeys (ids 5500–5599). Never credential JSON, keys or challenges.</summary>
internal static partial class PasskeysLog
{
    [LoggerMessage(5500, LogLevel.Information, "Passkey added for {UserId}")]
    public static partial void Added(ILogger logger, string userId);

    [LoggerMessage(5501, LogLevel.Information, "Passkey not added for {UserId}: {Outcome}")]
    public static partial void NotAdded(ILogger logger, string userId, string outcome);

    [LoggerMessage(5502, LogLevel.Information, "Passkey {Ceremony} for {UserId}: verified")]
    public static partial void Verified(ILogger logger, string ceremony, string userId);

    [LoggerMessage(5503, LogLevel.Warning, "Passkey {Ceremony} refused: {Outcome} ({Reason})")]
    public static partial void Refused(ILogger logger, string ceremony, string outcome, string reason);

    [LoggerMessage(5504, LogLevel.Information, "Passkey of {UserId} {Change}")]
    public static partial void Changed(ILogger logger, string userId, string change);
}
