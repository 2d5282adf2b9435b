using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Bootstrap;

/// <summary>The audit record of a first administrator, however it came about.</summary>
public static class AdministratorAudit
{
    /// <param name="source"><c>configuration</c> or <c>setup_link</c>.</param>
    /// <param name="promoted">Whether an existing account was given the role rather than a new one created.</param>
    public static AuditRecord Created(string userId, string source, bool promoted) =>
        (AuditRecord.Succeeded(AuditEventTypes.AdministratorCreated, userId) with { ActorUserId = userId })
            .With("source", source)
            .With("promoted", promoted ? "true" : "false");
}
