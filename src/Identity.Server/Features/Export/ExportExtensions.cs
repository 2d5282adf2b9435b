namespace Identity.Server.Features.Export;

public static class ExportExtensions
{
    /// <summary>The export command's services; the command itself runs from <see cref="RunExportAsync"/>.</summary>
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfigurationExport>();
        builder.Services.AddScoped<ExportRunner>();
        return builder;
    }

    public static async Task<int> RunExportAsync(
        this IServiceProvider services, string path, bool includeSecrets, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunAsync(path, includeSecrets, output, errors, cancellationToken);
    }
}
