using Identity.Server.Features.Admin.Audit;
using Identity.Server.Features.Admin.Clients;
using Identity.Server.Features.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Admin;

public static class AdminExtensions
{
    /// <summary>
    /// The admin area: every page under Features/Admin behind the <see cref="AdminPolicy"/> (checked on
    /// the server for every request, GET and POST alike), with its user, client, scope and audit services.
    /// </summary>
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new AdministratorRequirement()));
        services.AddScoped<IAuthorizationHandler, RequireAdministrator>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdminAuthorizationResultHandler>();
        // PostConfigure: Razor Pages' own setup gives the options a new convention collection, which
        // would silently drop a folder rule added before it.
        services.PostConfigure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Admin", AdminPolicy.Name));

        services.AddScoped<AdministratorGuard>();
        services.AddUserAdministration();
        services.AddClientAdministration();
        services.AddAuditViewing();
        return builder;
    }
}
