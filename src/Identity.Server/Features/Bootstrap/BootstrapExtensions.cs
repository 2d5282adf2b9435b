using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Bootstrap;

public static class BootstrapExtensions
{
    /// <summary>The first administrator: from configuration, or through a one-time setup link.</summary>
    public static WebApplicationBuilder AddBootstrapAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BootstrapOptions>()
            .BindConfiguration(BootstrapOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BootstrapOptions>, ValidateBootstrapOptions>();

        services.AddScoped<SetupTokenStore>();
        services.TryAddSingleton<ISetupLinkPublisher, ConsoleSetupLinkPublisher>();
        services.AddScoped<AdministratorAccounts>();
        services.AddScoped<AdministratorBootstrap>();
        services.AddScoped<AdministratorSetup>();
        return builder;
    }

    /// <summary>Runs when the server starts serving (not for migrate or import).</summary>
    public static async Task EnsureAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>().EnsureAsync(cancellationToken);
    }
}
