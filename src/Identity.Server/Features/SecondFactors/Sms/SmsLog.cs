namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>Text message delivery events (ids 5100–5199). Numbers are masked; bodies never logged.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(5100, LogLevel.Information, "Text message to {Phone} written to the outbox file {File}")]
    public static partial void WrittenToOutbox(ILogger logger, string phone, string file);

    [LoggerMessage(5101, LogLevel.Information, "Text message to {Phone} accepted by Twilio as {MessageSid}")]
    public static partial void Sent(ILogger logger, string phone, string? messageSid);

    [LoggerMessage(5102, LogLevel.Warning, "Twilio refused a text message to {Phone}: error {ErrorCode}, status {Status}")]
    public static partial void Refused(ILogger logger, string phone, int errorCode, int status);

    [LoggerMessage(5103, LogLevel.Error, "Twilio could not be reached for a text message to {Phone}")]
    public static partial void Unreachable(ILogger logger, string phone, Exception exception);
}
