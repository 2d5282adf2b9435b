using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.PasswordReset;

public static class PasswordResetExtensions
{
    /// <summary>"Forgot password" by email link, with links that expire after PasswordReset:LinkLifetime.</summary>
    public static WebApplicationBuilder AddPasswordReset(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordResetOptions>()
            .BindConfiguration(PasswordResetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<PasswordResetTokenProviderOptions>()
            .Configure<IOptions<PasswordResetOptions>>((provider, reset) => provider.TokenLifespan = reset.Value.LinkLifetime);
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(identity =>
        {
            identity.Tokens.ProviderMap[PasswordResetTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            identity.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
        });

        services.AddScoped<PasswordResets>();
        return builder;
    }
}
