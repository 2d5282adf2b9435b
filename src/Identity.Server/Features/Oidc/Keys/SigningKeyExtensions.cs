using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Identity.Server.Features.Oidc.Keys;

public static class SigningKeyExtensions
{
    /// <summary>Persisted, rotated token signing and encryption keys (never development or ephemeral ones).</summary>
    public static IServiceCollection AddSigningKeys(this IServiceCollection services)
    {
        services.AddOptions<SigningKeyOptions>()
            .BindConfiguration(SigningKeyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PrepublishPeriod <= o.RotationInterval, "SigningKeys:PrepublishPeriod must not exceed SigningKeys:RotationInterval.")
            .ValidateOnStart();

        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureServerCredentials>();
        services.AddScoped<SigningKeyStore>();
        services.AddSingleton<KeyRotationService>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRotationService>());
        return services;
    }
}
