using Identity.Server.Security;

namespace Identity.Server.Features.SignIn;

/// <summary>Sign-in and sign-out events. Accounts by id; never the password or the email address.</summary>
public static partial class SignInLog
{
    [LoggerMessage(EventId = SecurityEventIds.PasswordSignInSucceeded, Level = LogLevel.Information,
        Message = "Password accepted for {UserId}")]
    public static partial void PasswordAccepted(ILogger logger, string userId);

    [LoggerMessage(EventId = SecurityEventIds.PasswordSignInFailed, Level = LogLevel.Information,
        Message = "Password sign-in failed for {UserId}: {Reason}")]
    public static partial void PasswordRejected(ILogger logger, string? userId, string reason);

    [LoggerMessage(EventId = SecurityEventIds.AccountLockedOut, Level = LogLevel.Warning,
        Message = "Account {UserId} locked out after repeated failed sign-ins")]
    public static partial void LockedOut(ILogger logger, string userId);

    [LoggerMessage(EventId = SecurityEventIds.SessionIssued, Level = LogLevel.Information,
        Message = "Signed in {UserId} with {Methods}")]
    public static partial void SessionIssued(ILogger logger, string userId, string methods);

    [LoggerMessage(EventId = SecurityEventIds.SessionRefreshed, Level = LogLevel.Information,
        Message = "Session of {UserId} refreshed after an account change")]
    public static partial void SessionRefreshed(ILogger logger, string userId);

    [LoggerMessage(EventId = SecurityEventIds.SignedOut, Level = LogLevel.Information,
        Message = "Signed out {UserId}")]
    public static partial void SignedOut(ILogger logger, string? userId);

    [LoggerMessage(EventId = SecurityEventIds.PasswordChangeRequired, Level = LogLevel.Information,
        Message = "Password of {UserId} accepted, but it was set by an administrator and must be changed first")]
    public static partial void PasswordChangeRequired(ILogger logger, string userId);
}
