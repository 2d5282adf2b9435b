namespace Identity.Server.Features.SecondFactors;

/// <summary>Security events of second factors (ids 5000–5099; texts use 5100–5199). Never codes, keys or full numbers.</summary>
internal static partial class SecondFactorsLog
{
    [LoggerMessage(5001, LogLevel.Information, "Security code by {Channel} for {UserId}: {Outcome}")]
    public static partial void CodeRequested(ILogger logger, string userId, string channel, string outcome);

    [LoggerMessage(5002, LogLevel.Information, "Second factor {Method} for {UserId}: {Outcome}")]
    public static partial void SecondFactorChecked(ILogger logger, string userId, string method, string outcome);

    [LoggerMessage(5003, LogLevel.Information, "Sign-in of {UserId} waits for a second factor")]
    public static partial void SecondFactorRequired(ILogger logger, string userId);

    [LoggerMessage(5004, LogLevel.Information, "Two-step verification for {UserId} changed: {Change}")]
    public static partial void SettingsChanged(ILogger logger, string userId, string change);

    [LoggerMessage(5005, LogLevel.Information, "Second factor skipped for {UserId}: this browser is remembered")]
    public static partial void BrowserRemembered(ILogger logger, string userId);
}
