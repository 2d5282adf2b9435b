using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>
/// Sends the Twilio SDK's requests to <c>Sms:Twilio:ApiBaseUrl</c> instead of Twilio's cloud, keeping
/// the path and query, so a Twilio-compatible server (a test fake, a proxy) receives them unchanged.
/// </summary>
public sealed class TwilioBaseUrlHandler(IOptions<SmsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Twilio.ApiBaseUrl is { } baseUrl && request.RequestUri is { } original)
        {
            var builder = new UriBuilder(original)
            {
                Scheme = baseUrl.Scheme,
                Host = baseUrl.Host,
                Port = baseUrl.Port,
                Path = baseUrl.AbsolutePath.TrimEnd('/') + original.AbsolutePath,
            };
            request.RequestUri = builder.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
