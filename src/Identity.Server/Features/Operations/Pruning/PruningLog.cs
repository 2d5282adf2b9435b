using Identity.Server.Security;

namespace Identity.Server.Features.Operations.Pruning;

public static partial class PruningLog
{
    [LoggerMessage(EventId = SecurityEventIds.StaleDataPruned, Level = LogLevel.Information,
        Message = "Pruned {Tokens} tokens, {Authorizations} authorizations, {SecurityCodes} security codes, {SignInNotices} sign-in notice links and {ExpiredState} expired rate-limit windows and passkey ceremonies (tokens and authorizations created before {Threshold:u})")]
    public static partial void Pruned(ILogger logger, long tokens, long authorizations, int securityCodes, int signInNotices, int expiredState, DateTimeOffset threshold);

    [LoggerMessage(EventId = SecurityEventIds.StaleDataPruneFailed, Level = LogLevel.Error,
        Message = "Pruning tokens, authorizations and codes failed; the next run tries again")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
