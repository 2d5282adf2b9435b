using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>
/// Sends texts with the Twilio SDK's Messages API, over an <see cref="System.Net.Http.HttpClient"/>
/// from the factory so retries, timeouts and <c>Sms:Twilio:ApiBaseUrl</c> apply. Every Twilio or
/// network failure becomes a <see cref="SmsSendResult"/>: a sign-in never crashes on delivery.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<SmsOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    public const string HttpClientName = "Twilio";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var twilio = options.Value.Twilio;
        var client = new TwilioRestClient(
            twilio.AccountSid, twilio.AuthToken, accountSid: twilio.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new Twilio.Types.PhoneNumber(message.To.E164)) { Body = message.Body };
        if (!string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
        {
            create.MessagingServiceSid = twilio.MessagingServiceSid;
        }
        else
        {
            create.From = new Twilio.Types.PhoneNumber(twilio.From);
        }

        try
        {
            var sent = await MessageResource.CreateAsync(create, client);
            SmsLog.Sent(logger, message.To.ToString(), sent.Sid);
            return SmsSendResult.Sent;
        }
        catch (ApiException refused) when (refused.Code != 0)
        {
            SmsLog.Refused(logger, message.To.ToString(), refused.Code, refused.Status);
            return refused.Code switch
            {
                21211 or 21614 or 21612 or 21408 => SmsSendResult.InvalidNumber,
                21610 => SmsSendResult.Unsubscribed,
                _ => SmsSendResult.Failed,
            };
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            SmsLog.Unreachable(logger, message.To.ToString(), failure);
            return SmsSendResult.Failed;
        }
    }
}
