using Identity.Server.Security;

namespace Identity.Server.Features.Export;

/// <summary>Log event of the export command (administration range).</summary>
public static partial class ExportLog
{
    [LoggerMessage(EventId = SecurityEventIds.DataExported, Level = LogLevel.Warning,
        Message = "Exported {Scopes} scopes, {Clients} clients and {Users} users; secrets included: {Secrets}")]
    public static partial void Exported(ILogger logger, int scopes, int clients, int users, bool secrets);
}
