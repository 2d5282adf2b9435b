using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>Text message delivery: Twilio when configured, otherwise the outbox folder.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>Write texts to the outbox even in the Production environment, where that is otherwise
    /// refused at start because codes would never reach anyone. Default <c>false</c>.</summary>
    public bool AllowOutboxInProduction { get; set; }

    /// <summary>The Twilio account; texts go through Twilio when <see cref="TwilioSmsOptions.AccountSid"/> is set.</summary>
    public TwilioSmsOptions Twilio { get; set; } = new();
}

/// <summary>Twilio Messages API settings (<c>Sms:Twilio:*</c>).</summary>
public sealed class TwilioSmsOptions
{
    /// <summary>Account SID (<c>AC…</c>). Default none: Twilio off.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Auth token of the account; keep it in user-secrets or the environment. Required with an AccountSid.</summary>
    public string? AuthToken { get; set; }

    /// <summary>Sender number in E.164. Either this or <see cref="MessagingServiceSid"/> is required.</summary>
    public string? From { get; set; }

    /// <summary>Messaging Service SID (<c>MG…</c>), used instead of <see cref="From"/> when set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Base URL of a Twilio-compatible API to use instead of https://api.twilio.com (tests, proxies). Default none.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>How long one request to Twilio may take. Default 10 seconds; 1 to 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 5xx, 429 or timeout. Default 2; 0 to 5. A retried send may rarely
    /// deliver the same text twice, which is harmless.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);
}
