using Identity.Server.Security;

namespace Identity.Server.Features.Oidc.ClientCatalog;

public static partial class CatalogLog
{
    [LoggerMessage(EventId = SecurityEventIds.ClientCatalogChanged, Level = LogLevel.Debug,
        Message = "Clients or scopes changed in the database; the cached copies were dropped")]
    public static partial void ChangeSeen(ILogger logger);

    [LoggerMessage(EventId = SecurityEventIds.ClientCatalogCheckFailed, Level = LogLevel.Warning,
        Message = "Checking clients and scopes for changes failed; cached copies expire on their own and the next check tries again")]
    public static partial void WatchFailed(ILogger logger, Exception exception);
}
