using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Identity.Server.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build each engine's model without starting the server or
/// reaching a database (see README, "Database changes").
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options(new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite("Data Source=design-time.db")));
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresApplicationDbContext>
{
    public PostgresApplicationDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options(new DbContextOptionsBuilder<PostgresApplicationDbContext>().UseNpgsql("Host=localhost;Database=identity")));
}

internal static class DesignTime
{
    /// <summary>Identity shapes its tables from <see cref="IdentityOptions"/> in the application's services
    /// (passkeys only from schema version 3): give the tools the same setting the server uses.</summary>
    public static DbContextOptions<T> Options<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext
    {
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = ApplicationDbContext.IdentitySchemaVersion)
            .BuildServiceProvider();
        return builder.UseOpenIddict().UseApplicationServiceProvider(services).Options;
    }
}
