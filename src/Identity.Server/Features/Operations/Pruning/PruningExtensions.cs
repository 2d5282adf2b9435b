namespace Identity.Server.Features.Operations.Pruning;

public static class PruningExtensions
{
    /// <summary>Background pruning of dead tokens, authorizations, security codes and sign-in notice links.</summary>
    public static WebApplicationBuilder AddPruning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PruningOptions>()
            .BindConfiguration(PruningOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<StalePruning>();
        builder.Services.AddHostedService<PruningService>();
        return builder;
    }
}
