using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Polly;

namespace Identity.Server.Features.SecondFactors.Sms;

public static class SmsExtensions
{
    /// <summary>Text message delivery: Twilio when <c>Sms:Twilio:AccountSid</c> is set, else the outbox.</summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();

        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient(TwilioSmsSender.HttpClientName)
            .AddHttpMessageHandler<TwilioBaseUrlHandler>()
            .AddResilienceHandler("twilio", static (pipeline, context) =>
            {
                var twilio = context.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio;
                if (twilio.MaxRetries > 0)
                {
                    // Bounded retries on 5xx, 408, 429, network errors and timeouts, with jitter.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = twilio.MaxRetries,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(twilio.Timeout);
            });
        services.AddOptions<HttpClientFactoryOptions>(TwilioSmsSender.HttpClientName)
            .Configure<IOptions<SmsOptions>>((factory, sms) => factory.HttpClientActions.Add(client =>
                client.Timeout = sms.Value.Twilio.Timeout * (sms.Value.Twilio.MaxRetries + 1) + TimeSpan.FromSeconds(5)));

        services.TryAddSingleton<ISmsSender>(provider =>
            provider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.IsConfigured
                ? ActivatorUtilities.CreateInstance<TwilioSmsSender>(provider)
                : ActivatorUtilities.CreateInstance<OutboxSmsSender>(provider));
        return services;
    }
}
