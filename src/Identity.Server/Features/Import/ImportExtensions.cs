namespace Identity.Server.Features.Import;

public static class ImportExtensions
{
    /// <summary>The import command's services; the command itself runs from <see cref="RunImportAsync"/>.</summary>
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportWriter>();
        services.AddScoped<ImportPasswordRules>();
        services.AddScoped<ScopeImporter>();
        services.AddScoped<ClientImporter>();
        services.AddScoped<ClientSecretHashes>();
        services.AddScoped<RoleImporter>();
        services.AddScoped<UserImporter>();
        services.AddScoped<UserCredentialImporter>();
        return builder;
    }

    /// <summary>
    /// Imports scopes, clients and users from a JSON file (format: docs/import-format.md) into the
    /// already migrated database. Returns the process exit code: 0 when imported (or nothing needed
    /// changing), 1 when the file is missing, unreadable or invalid, in which case nothing is written.
    /// </summary>
    public static async Task<int> RunImportAsync(
        this IServiceProvider services, string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(path, output, errors, cancellationToken);
    }
}
