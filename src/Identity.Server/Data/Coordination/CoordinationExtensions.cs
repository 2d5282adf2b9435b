namespace Identity.Server.Data.Coordination;

public static class CoordinationExtensions
{
    /// <summary>Locks and counters that every node sharing the database agrees on.</summary>
    public static IServiceCollection AddDatabaseCoordination(this IServiceCollection services)
    {
        services.AddScoped<DatabaseLocks>();
        services.AddScoped<WindowCounters>();
        return services;
    }
}
