using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Email;

public static class EmailExtensions
{
    /// <summary>
    /// Account email: sent through SMTP when Email:Smtp:Host is set, otherwise written to the outbox
    /// folder (refused in Production unless Email:AllowOutboxInProduction says so).
    /// </summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, ValidateEmailOptions>();

        services.TryAddSingleton<OutboxEmailSender>();
        services.TryAddSingleton<MailKitEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? provider.GetRequiredService<OutboxEmailSender>()
                : provider.GetRequiredService<MailKitEmailSender>());

        services.TryAddSingleton<EmailLinks>();
        services.TryAddScoped<AccountEmails>();
        return builder;
    }
}
