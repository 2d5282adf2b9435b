using Microsoft.Extensions.Options;
using MimeKit;

namespace Identity.Server.Features.Email;

/// <summary>Rules across the email settings, checked at start so a misconfigured server never runs.</summary>
public sealed class ValidateEmailOptions(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var smtp = options.Smtp;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (environment.IsProduction() && !options.AllowOutboxInProduction)
            {
                failures.Add("Email:Smtp:Host is not set, so account email (confirmation and password reset links) would only be "
                    + "written to the outbox folder, where nobody reads it. Configure Email:Smtp, or set Email:AllowOutboxInProduction "
                    + "to true if the outbox is really wanted in Production.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(smtp.From))
            {
                failures.Add("Email:Smtp:From is required when Email:Smtp:Host is set.");
            }
            else if (!MailboxAddress.TryParse(smtp.From, out var from) || from.Address != smtp.From.Trim())
            {
                failures.Add("Email:Smtp:From must be a plain email address, such as identity@example.com.");
            }

            if (!string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
