using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>Refuses at start a Twilio set-up that could never send, and the outbox in Production.</summary>
public sealed class SmsOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var twilio = options.Twilio;
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(twilio, new ValidationContext(twilio), errors, validateAllProperties: true);
        var failures = errors.Select(error => "Sms:Twilio: " + error.ErrorMessage).ToList();

        if (twilio.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(twilio.AuthToken))
            {
                failures.Add("Sms:Twilio:AuthToken is required when Sms:Twilio:AccountSid is set.");
            }

            if (string.IsNullOrWhiteSpace(twilio.From) && string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
            {
                failures.Add("Sms:Twilio:From or Sms:Twilio:MessagingServiceSid is required when Sms:Twilio:AccountSid is set.");
            }

            if (twilio.ApiBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)))
            {
                failures.Add("Sms:Twilio:ApiBaseUrl must be an absolute https URL (http only on loopback).");
            }
        }
        else if (environment.IsProduction() && !options.AllowOutboxInProduction)
        {
            failures.Add("Text messages would only be written to the outbox: configure Sms:Twilio or set Sms:AllowOutboxInProduction.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
