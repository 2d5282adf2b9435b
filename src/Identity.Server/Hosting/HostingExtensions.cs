using Identity.Server.Data;
using Identity.Server.Data.Coordination;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.AccountSecurity.EmailChange;
using Identity.Server.Features.Admin;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Bootstrap;
using Identity.Server.Features.Email;
using Identity.Server.Features.Export;
using Identity.Server.Features.Import;
using Identity.Server.Features.NewDevice;
using Identity.Server.Features.Oidc;
using Identity.Server.Features.Oidc.Discovery;
using Identity.Server.Features.Oidc.Endpoints;
using Identity.Server.Features.Oidc.Keys;
using Identity.Server.Features.Operations.Health;
using Identity.Server.Features.Operations.Metrics;
using Identity.Server.Features.Operations.Pruning;
using Identity.Server.Features.Passkeys;
using Identity.Server.Features.PasswordReset;
using Identity.Server.Features.Registration;
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
        builder.Services.AddDatabaseCoordination();
        builder.AddAudit();
        builder.AddAccounts();
        builder.AddSecondFactors();
        builder.AddNewDevice();
        builder.AddPasskeys();
        builder.AddOidcServer();
        builder.AddEmail();
        builder.AddRegistration();
        builder.AddPasswordReset();
        builder.AddAccountSecurity();
        builder.AddEmailChange();
        builder.AddImport();
        builder.AddExport();
        builder.AddBootstrapAdmin();
        builder.AddPages();
        builder.AddAdmin();
        builder.AddSecurityHeaders();
        builder.AddRateLimits();
        builder.AddForwardedHeadersFromProxies();
        builder.AddHealth();
        builder.AddMetrics();
        builder.AddPruning();
        return builder;
    }

    public static WebApplication UseIdentityServerApp(this WebApplication app)
    {
        app.UseForwardedHeadersFromProxies();
        app.UseExceptionHandler("/error");

        // Probes and scrapes are answered before error pages, security headers, rate limits and authentication.
        app.UseHealthEndpoints();
        app.UseMetricsEndpoint();
        // Error pages are for people. The token, userinfo, revocation and introspection endpoints
        // answer programs, in JSON or a WWW-Authenticate header (RFC 6750 §3), never with HTML.
        app.UseWhen(
            context => !IsMachineEndpoint(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseDiscoveryDocumentCache();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOidcEndpoints();
        app.MapRazorPages().RequireAuthorization();
        return app;
    }

    /// <summary>Runs what the command line asked for; serving first prepares the database and keys,
    /// and makes sure an administrator exists or can be created.</summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, ServerCommand command)
    {
        try
        {
            return await RunAsync(app, command);
        }
        catch (OptionsValidationException exception) when (command.Name != ServerCommand.Serve)
        {
            // An operator running a command gets what is wrong, without a stack trace. Serving leaves
            // the failure to the host, which logs it and stops with a non-zero exit code.
            await Console.Error.WriteLineAsync("The server cannot start because of its settings:");
            foreach (var failure in exception.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return 1;
        }
    }

    private static async Task<int> RunAsync(WebApplication app, ServerCommand command)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        switch (command.Name)
        {
            case ServerCommand.Serve:
                await app.PrepareAsync(migrate: app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart, lifetime.ApplicationStopping);

                // Only when serving: a setup link printed by migrate or import would be dead before anyone could open it.
                await app.Services.EnsureAdministratorAsync(lifetime.ApplicationStopping);
                await app.RunAsync();
                return 0;
            case ServerCommand.Migrate:
                await app.PrepareAsync(migrate: true, lifetime.ApplicationStopping);
                Console.WriteLine("The database is up to date.");
                return 0;
            case ServerCommand.Import:
                await app.PrepareAsync(migrate: true, lifetime.ApplicationStopping);
                return await app.Services.RunImportAsync(command.FilePath!, Console.Out, Console.Error, lifetime.ApplicationStopping);
            case ServerCommand.Export:
                await app.PrepareAsync(migrate: true, lifetime.ApplicationStopping);
                return await app.Services.RunExportAsync(command.FilePath!, command.IncludeSecrets, Console.Out, Console.Error, lifetime.ApplicationStopping);
            default:
                await Console.Error.WriteLineAsync("Usage: Identity.Server [migrate | import FILE.json | export FILE.json [--include-secrets]] [--setting value ...]");
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
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/connect/token") || path.StartsWithSegments("/connect/userinfo")
        || path.StartsWithSegments("/connect/revoke") || path.StartsWithSegments("/connect/introspect");

    private static void TryAddTimeProvider(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
}
