namespace Identity.Server.Features.Bootstrap;

/// <summary>First-administrator events (ids 4100–4199). Accounts by id; never the password or the setup token.</summary>
public static partial class BootstrapLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "An administrator exists; no bootstrap needed")]
    public static partial void AdministratorExists(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Created administrator {UserId} from {Source}")]
    public static partial void AdministratorCreated(ILogger logger, string userId, string source);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Promoted existing account {UserId} to administrator from {Source}")]
    public static partial void AdministratorPromoted(ILogger logger, string userId, string source);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "No administrator exists yet; a one-time setup link valid until {ExpiresAt:u} was printed on the console")]
    public static partial void SetupLinkIssued(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Setup page refused: {State}")]
    public static partial void SetupRefused(ILogger logger, SetupLinkState state);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "The configured administrator was refused: {Errors}")]
    public static partial void ConfiguredAdministratorRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "No administrator exists yet; the setup link issued earlier stays valid until {ExpiresAt:u}, so no new one was printed")]
    public static partial void SetupLinkAlreadyOpen(ILogger logger, DateTimeOffset expiresAt);
}
