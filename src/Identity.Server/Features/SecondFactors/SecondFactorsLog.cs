namespace Identity.Server.Features.SecondFactors;

/// <summary>Security events of second factors (ids 3000–3099; texts use 3100–3199). Never codes, keys or full numbers.</summary>
internal static partial class SecondFactorsLog
{
    [LoggerMessage(3001, LogLevel.Information, "Security code by {Channel} for {UserId}: {Outcome}")]
    public static partial void CodeRequested(ILogger logger, string userId, string channel, string outcome);

    [LoggerMessage(3002, LogLevel.Information, "Second factor {Method} for {UserId}: {Outcome}")]
    public static partial void SecondFactorChecked(ILogger logger, string userId, string method, string outcome);

    [LoggerMessage(3003, LogLevel.Information, "Sign-in of {UserId} waits for a second factor")]
    public static partial void SecondFactorRequired(ILogger logger, string userId);

    [LoggerMessage(3004, LogLevel.Information, "Two-step verification for {UserId} changed: {Change}")]
    public static partial void SettingsChanged(ILogger logger, string userId, string change);

    [LoggerMessage(3005, LogLevel.Information, "Second factor skipped for {UserId}: this browser is remembered")]
    public static partial void BrowserRemembered(ILogger logger, string userId);
}
