using System.Net;

namespace Identity.ClusterTests.Infrastructure;

/// <summary>
/// Plays the load balancer in front of the nodes: requests to the public https address go to the
/// node the test picks, with the headers a TLS-ending proxy adds (the nodes trust 127.0.0.1 as a
/// proxy). The request keeps its public address for the caller, so redirects and cookies work as
/// for a browser that only ever sees https://id.test/.
/// </summary>
public sealed class LoadBalancer(ServerNode first) : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    public static readonly Uri PublicAddress = new("https://id.test/");

    /// <summary>Where the next requests go.</summary>
    public ServerNode Target { get; set; } = first;

    /// <summary>The client address the proxy reports in X-Forwarded-For.</summary>
    public string ClientIp { get; set; } = "203.0.113.10";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new Uri(Target.Address, original.PathAndQuery);
        request.Headers.Host = original.Authority;
        request.Headers.Remove("X-Forwarded-For");
        request.Headers.Add("X-Forwarded-For", ClientIp);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", original.Authority);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = original;
        }
    }
}

/// <summary>A browser's cookie jar, kept by public address in front of the load balancer.</summary>
public sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = request.RequestUri!;
        var header = _cookies.GetCookieHeader(address);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                _cookies.SetCookies(address, value);
            }
        }

        return response;
    }
}
