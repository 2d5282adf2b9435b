namespace Identity.Server.Features.Admin.Users;

public static class UserAdministrationExtensions
{
    /// <summary>The services behind the user pages of the admin area.</summary>
    public static IServiceCollection AddUserAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserSearch>();
        services.AddScoped<UserGrants>();
        services.AddScoped<UserSessions>();
        services.AddScoped<UserLockout>();
        services.AddScoped<TwoStepReset>();
        services.AddScoped<RoleAssignments>();
        services.AddScoped<UserDeletion>();
        services.AddScoped<UserProfileEditor>();
        services.AddScoped<UserCreation>();
        services.AddScoped<UserOverview>();
        return services;
    }
}
