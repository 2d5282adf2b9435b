namespace Identity.Server.Features.Bootstrap;

public static class BootstrapExtensions
{
    public static WebApplicationBuilder AddBootstrapAdmin(this WebApplicationBuilder builder) => builder;

    public static Task EnsureAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
