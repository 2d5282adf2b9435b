using Identity.Server.Features.Audit;
using Identity.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Identity.Server.Features.Operations.Metrics;

public static class MetricsExtensions
{
    public const string Path = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics in Prometheus text format at <c>/metrics</c>: the product's counters
    /// (<see cref="IdentityMetrics"/>), the second-factor send counters and ASP.NET Core's request durations.
    /// </summary>
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => NetworkList.TryParse(options.EffectiveAllowedNetworks, out _, out _),
                "Metrics:AllowedNetworks must hold IP networks in CIDR notation (10.0.0.0/8) or IP addresses.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            NetworkList.TryParse(sp.GetRequiredService<IOptions<MetricsOptions>>().Value.EffectiveAllowedNetworks, out var list, out _);
            return new MetricsAccess(list);
        });

        services.AddSingleton<IdentityMetrics>();
        services.DecorateAuditLog();
        services.AddOpenIddict().AddServer(options => options.AddEventHandler(CountIssuedTokens.Descriptor));

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IdentityMetrics.MeterName, SecondFactors.SecondFactorsMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            // Every scrape reads current values: a cached answer would hide the change an alert waits for.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Serves <c>/metrics</c> to allowed networks only; anyone else falls through to the ordinary 404.</summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == Path && access.Allows(context),
            path: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }),
            optionsName: null);
    }

    /// <summary>Wraps whichever audit log is registered so every recorded event is also counted.</summary>
    private static void DecorateAuditLog(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IAuditLog))
            ?? throw new InvalidOperationException("AddAudit must come before AddMetrics.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(IAuditLog),
            sp => new MeteredAuditLog(Create(sp, registered), sp.GetRequiredService<IdentityMetrics>()),
            registered.Lifetime));
    }

    private static IAuditLog Create(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IAuditLog instance } => instance,
        { ImplementationFactory: { } factory } => (IAuditLog)factory(services),
        _ => (IAuditLog)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!),
    };
}
