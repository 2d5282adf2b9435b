using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Identity.Server.Features.Oidc.ClientCatalog;

public static class CatalogExtensions
{
    /// <summary>The node's in-memory copy of clients and scopes, and the watcher that keeps it current.</summary>
    public static IServiceCollection AddClientCatalog(this IServiceCollection services)
    {
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<IInterceptor, CatalogChangeInterceptor>();
        services.AddHostedService<CatalogChangeWatcher>();
        return services;
    }
}
