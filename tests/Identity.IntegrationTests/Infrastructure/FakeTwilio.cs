using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// A Twilio-compatible Messages API on 127.0.0.1 (WireMock.Net). The server's real Twilio SDK talks
/// to it through <c>Sms:Twilio:ApiBaseUrl</c>; tests read what the SDK sent and make it fail on demand.
/// </summary>
public sealed partial class FakeTwilio : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-twilio-auth-token";
    public const string From = "+15005550006";
    public const string MessagesPath = "/2010-04-01/Accounts/" + AccountSid + "/Messages.json";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public FakeTwilio() => Accept();

    public string Url => _server.Urls[0];

    /// <summary>
    /// Points a server at this fake with one retry. The timeout is generous by default, so a busy machine
    /// answering late does not turn one text into a retried second; the tests of an unanswered send
    /// shorten it.
    /// </summary>
    public IdentityServerFactory Configure(IdentityServerFactory server, TimeSpan? timeout = null) => server
        .With("Sms:Twilio:AccountSid", AccountSid)
        .With("Sms:Twilio:AuthToken", AuthToken)
        .With("Sms:Twilio:From", From)
        .With("Sms:Twilio:ApiBaseUrl", Url)
        .With("Sms:Twilio:Timeout", (timeout ?? TimeSpan.FromSeconds(15)).ToString("c"))
        .With("Sms:Twilio:MaxRetries", "1");

    /// <summary>Answers every message with 201 Created, as Twilio does.</summary>
    public void Accept() => Respond(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
        .WithBody("""{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","account_sid":"AC0123456789abcdef0123456789abcdef"}"""));

    /// <summary>Answers with a Twilio error document (e.g. 400 with 21211 invalid number, 21610 unsubscribed).</summary>
    public void FailWith(int status, int code) => Respond(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
        .WithBody($$"""{"code":{{code}},"message":"Error {{code}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}"""));

    /// <summary>Answers only after <paramref name="delay"/>, longer than the server waits.</summary>
    public void Hang(TimeSpan delay) => Respond(Response.Create().WithStatusCode(201).WithDelay(delay).WithBody("{}"));

    /// <summary>The message requests the SDK made, in order.</summary>
    public IReadOnlyList<SentText> Requests => _server.LogEntries
        .Where(entry => entry.RequestMessage.Path == MessagesPath)
        .Select(entry => new SentText(
            entry.RequestMessage.Method,
            entry.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null,
            QueryHelpers.ParseQuery(entry.RequestMessage.Body ?? string.Empty).ToDictionary(pair => pair.Key, pair => pair.Value.ToString())))
        .ToList();

    /// <summary>The code in the last text sent to <paramref name="to"/>.</summary>
    public string LastCode(string to) =>
        CodePattern().Match(Requests.Last(request => request.Form.GetValueOrDefault("To") == to).Form["Body"]).Groups[1].Value;

    public static string ExpectedAuthorization => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken));

    public void Dispose() => _server.Stop();

    private void Respond(IResponseBuilder response)
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(response);
    }

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex CodePattern();

    public sealed record SentText(string Method, string? Authorization, Dictionary<string, string> Form);
}
