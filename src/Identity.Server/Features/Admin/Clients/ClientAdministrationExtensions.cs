using Identity.Server.Features.Admin.Scopes;

namespace Identity.Server.Features.Admin.Clients;

public static class ClientAdministrationExtensions
{
    /// <summary>The services behind the client and scope pages of the admin area.</summary>
    public static IServiceCollection AddClientAdministration(this IServiceCollection services)
    {
        services.AddScoped<ClientEditor>();
        services.AddScoped<ScopeEditor>();
        return services;
    }
}
