namespace Identity.Server.Features.Import;

public static class ImportExtensions
{
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder) => builder;

    public static Task<int> RunImportAsync(this IServiceProvider services, string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        errors.WriteLine("Import is not available yet.");
        return Task.FromResult(1);
    }
}
