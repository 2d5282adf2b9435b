using Identity.Server.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.UnitTests.Data;

/// <summary>The database settings are checked at start, through the same registration the server uses,
/// and every part of the server that asks for the context gets the chosen engine's.</summary>
public sealed class DatabaseOptionsValidationTests
{
    [Fact]
    public void Resolve_GivesSqliteContext_WhenNothingIsConfigured()
    {
        using var services = Build();
        using var scope = services.CreateScope();

        Assert.IsType<SqliteApplicationDbContext>(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    [Fact]
    public void Resolve_GivesPostgresContext_WhenProviderIsPostgres()
    {
        using var services = Build(("Database:Provider", "Postgres"), ("ConnectionStrings:Identity", "Host=db.internal;Database=identity"));
        using var scope = services.CreateScope();

        Assert.IsType<PostgresApplicationDbContext>(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    [Fact]
    public void Validate_RequiresConnectionString_WhenProviderIsPostgres()
    {
        using var services = Build(("Database:Provider", "Postgres"), ("ConnectionStrings:Identity", ""));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("ConnectionStrings:Identity is empty", failure.Message);
    }

    [Theory]
    [InlineData("Data Source=identity.db")]
    [InlineData("Database=identity;Username=identity")]
    public void Validate_RefusesConnectionString_WhenProviderIsPostgresAndItNamesNoServer(string connectionString)
    {
        using var services = Build(("Database:Provider", "Postgres"), ("ConnectionStrings:Identity", connectionString));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("not an Npgsql connection string with a Host", failure.Message);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public void Validate_RefusesProvider_WhenItIsNotAnEngineWithMigrations(string provider)
    {
        using var services = Build(("Database:Provider", provider));

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Provider", failure.Message);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.AddIdentityDatabase();
        return builder.Services.BuildServiceProvider();
    }
}
