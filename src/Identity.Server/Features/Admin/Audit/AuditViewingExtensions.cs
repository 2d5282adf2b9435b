namespace Identity.Server.Features.Admin.Audit;

public static class AuditViewingExtensions
{
    /// <summary>The services behind the audit page of the admin area.</summary>
    public static IServiceCollection AddAuditViewing(this IServiceCollection services)
    {
        services.AddScoped<AuditSearch>();
        return services;
    }
}
