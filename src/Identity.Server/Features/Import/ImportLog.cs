namespace Identity.Server.Features.Import;

/// <summary>Import events (ids 4000–4099). Names and ids of entries only: never passwords, secrets
/// or authenticator keys, and users by id, not by email address.</summary>
public static partial class ImportLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Import refused: the file has {ProblemCount} problems; nothing was written")]
    public static partial void Refused(ILogger logger, int problemCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Import {Outcome} scope {ScopeName}")]
    public static partial void ScopeImported(ILogger logger, ChangeKind outcome, string scopeName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Import {Outcome} client {ClientId}: {Fields}")]
    public static partial void ClientImported(ILogger logger, ChangeKind outcome, string clientId, string fields);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Import {Outcome} user {UserId}: {Fields}")]
    public static partial void UserImported(ILogger logger, ChangeKind outcome, string userId, string fields);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Import created role {Role}")]
    public static partial void RoleCreated(ILogger logger, string role);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Import rolled back: the database refused {Entry}")]
    public static partial void RolledBack(ILogger logger, string entry);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Import finished: {Summary}")]
    public static partial void Finished(ILogger logger, string summary);
}
