using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Authenticator;
using Identity.Server.Features.SecondFactors.Codes;
using Identity.Server.Features.SecondFactors.RecoveryCodes;
using Identity.Server.Features.SecondFactors.Sms;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors;

public static class SecondFactorsExtensions
{
    /// <summary>Second factors: texted and emailed codes, authenticator apps, hashed recovery codes, the sign-in step.
    /// Call after <c>AddAccounts</c>: it replaces Identity's user store with one that hashes recovery codes.</summary>
    public static WebApplicationBuilder AddSecondFactors(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecondFactorOptions>()
            .BindConfiguration(SecondFactorOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ResendCooldown < o.CodeLifetime, "SecondFactors:ResendCooldown must be shorter than SecondFactors:CodeLifetime.")
            .ValidateOnStart();
        services.AddSms();
        services.AddMetrics();
        services.AddSingleton<SecondFactorsMetrics>();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<ApplicationUser>, HashedRecoveryCodeUserStore>());

        services.AddScoped<SecurityCodeStore>();
        services.AddScoped<SecurityMessages>();
        services.AddScoped<SecurityCodeDelivery>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<AuthenticatorKeys>();
        services.AddScoped<PendingSignIn>();
        services.AddScoped<SecondFactorChoices>();
        services.AddScoped<SecondFactorVerifier>();
        services.AddScoped<SecondFactorSignIn>();
        services.AddScoped<TwoStepSettings>();
        services.AddScoped<Phone.PhoneNumberChanges>();
        services.AddSingleton<RecentSignIn>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<IOptions<SecondFactorOptions>>((cookie, factors) => cookie.ExpireTimeSpan = factors.Value.RememberBrowserDuration);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<IOptions<SecondFactorOptions>>((cookie, factors) => cookie.ExpireTimeSpan = factors.Value.PendingSignInLifetime);
        return builder;
    }
}
