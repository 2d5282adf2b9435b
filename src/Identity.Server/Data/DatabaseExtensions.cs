using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Identity.Server.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the database. <see cref="DatabaseOptions.Provider"/> chooses the engine and
    /// <c>ConnectionStrings:Identity</c> names the database; a relative SQLite file path is placed under
    /// <see cref="DatabaseOptions.DataDirectory"/>. Everything else resolves <see cref="ApplicationDbContext"/>
    /// and gets the chosen engine's context.
    /// </summary>
    public static WebApplicationBuilder AddIdentityDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidation>();

        builder.Services.AddSingleton<DataDirectory>();

        // Interceptors other capabilities register (IInterceptor) apply to both engines.
        // Pooled: a request reuses a context and its options instead of building both, which cost about a
        // twentieth of a token request's CPU.
        builder.Services.AddDbContextPool<SqliteApplicationDbContext>((services, options) =>
        {
            var connectionString = services.GetRequiredService<DataDirectory>()
                .ResolveSqliteConnectionString(builder.Configuration.GetConnectionString("Identity"));
            options.UseSqlite(connectionString).AddInterceptors([SqliteSynchronousNormal.Instance, .. services.GetServices<IInterceptor>()]);
            options.UseOpenIddict();
        });
        builder.Services.AddDbContextPool<PostgresApplicationDbContext>((services, options) =>
        {
            options.UseNpgsql(builder.Configuration.GetConnectionString("Identity")).AddInterceptors(services.GetServices<IInterceptor>());
            options.UseOpenIddict();
        });

        // Chosen per resolution rather than at registration, so settings applied to the built host count.
        builder.Services.AddScoped<ApplicationDbContext>(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? services.GetRequiredService<PostgresApplicationDbContext>()
                : services.GetRequiredService<SqliteApplicationDbContext>());
        builder.Services.AddScoped<DatabaseMigrator>();

        // Cookies, antiforgery tokens and account links are protected with keys every node must share.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Identity.Server")
            .PersistKeysToDbContext<ApplicationDbContext>();
        var keyProtection = builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>();
        if (!string.IsNullOrEmpty(keyProtection?.CertificatePath))
        {
            var path = System.IO.Path.GetFullPath(keyProtection.CertificatePath, builder.Environment.ContentRootPath);
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, keyProtection.CertificatePassword));
        }
        return builder;
    }
}

/// <summary>The resolved data folder, created on first use.</summary>
public sealed class DataDirectory(IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);

    public string Combine(params string[] parts)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine([Path, .. parts]);
    }

    /// <summary>
    /// Anchors a relative SQLite file under the data folder and sets the pragmas the service relies
    /// on; with no connection string the database is <c>identity.db</c> in the data folder.
    /// </summary>
    public string ResolveSqliteConnectionString(string? connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString ?? "Data Source=identity.db");
        if (csb.DataSource != ":memory:" && !System.IO.Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Combine(csb.DataSource);
        }

        // Concurrent sign-ins write at the same time; wait for the lock instead of failing at once.
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        return csb.ToString();
    }
}
