using Identity.Server.Data;
using Identity.Server.Features.Bootstrap;
using Identity.Server.Features.Email;
using Identity.Server.Features.Import;
using Identity.Server.Features.Oidc;
using Identity.Server.Features.Oidc.Endpoints;
using Identity.Server.Features.Oidc.Keys;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.Shared;
using Identity.Server.Features.SignIn;
using Microsoft.Extensions.Options;

namespace Identity.Server.Hosting;

/// <summary>The composition root: every capability registers itself through one extension.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddIdentityServerApp(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddTimeProvider();
        builder.AddIdentityDatabase();
        builder.AddAccounts();
        builder.AddSecondFactors();
        builder.AddOidcServer();
        builder.AddEmail();
        builder.AddImport();
        builder.AddBootstrapAdmin();
        builder.AddPages();
        builder.AddSecurityHeaders();
        builder.AddRateLimits();
        builder.AddForwardedHeadersFromProxies();
        return builder;
    }

    public static WebApplication UseIdentityServerApp(this WebApplication app)
    {
        app.UseForwardedHeadersFromProxies();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOidcEndpoints();
        app.MapRazorPages().RequireAuthorization();
        return app;
    }

    /// <summary>Runs what the command line asked for; serving first prepares the database and keys.</summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, ServerCommand command)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        switch (command.Name)
        {
            case ServerCommand.Serve:
                await app.PrepareAsync(migrate: app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart, lifetime.ApplicationStopping);
                await app.RunAsync();
                return 0;
            case ServerCommand.Migrate:
                await app.PrepareAsync(migrate: true, lifetime.ApplicationStopping);
                Console.WriteLine("The database is up to date.");
                return 0;
            case ServerCommand.Import:
                await app.PrepareAsync(migrate: true, lifetime.ApplicationStopping);
                return await app.Services.RunImportAsync(command.FilePath!, Console.Out, Console.Error, lifetime.ApplicationStopping);
            default:
                await Console.Error.WriteLineAsync("Usage: Identity.Server [migrate | import FILE.json] [--setting value ...]");
                return 2;
        }
    }

    /// <summary>Brings the database and token keys up to date before anything is served.</summary>
    public static async Task PrepareAsync(this WebApplication app, bool migrate, CancellationToken cancellationToken)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (migrate)
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }
        }

        await app.Services.GetRequiredService<KeyRotationService>().RefreshAsync(cancellationToken);
        await app.Services.EnsureAdministratorAsync(cancellationToken);
    }

    private static void TryAddTimeProvider(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
}
