using Identity.Server.Features.SecondFactors.Phone;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>A text message to one mobile number. The body holds a code, so it never prints.</summary>
public sealed record SmsMessage(MobileNumber To, string Body)
{
    public override string ToString() => $"SmsMessage {{ To = {To} }}";
}

/// <summary>The outcome of sending a text; infrastructure errors are translated, never thrown.</summary>
public enum SmsSendResult
{
    Sent,

    /// <summary>The provider says the number cannot receive texts (Twilio 21211, 21614).</summary>
    InvalidNumber,

    /// <summary>The owner replied STOP to our sender (Twilio 21610).</summary>
    Unsubscribed,

    /// <summary>The provider failed or did not answer in time, after the bounded retries.</summary>
    Failed,
}

/// <summary>Sends text messages.</summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
