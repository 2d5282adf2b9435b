using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Identity.Server.Features.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log: stored security events with their log entries, pruned after Audit:RetentionPeriod.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddScoped<IAuditLog, DatabaseAuditLog>();
        services.AddScoped<AuditPruning>();
        services.AddHostedService<AuditPruningService>();
        return builder;
    }
}
