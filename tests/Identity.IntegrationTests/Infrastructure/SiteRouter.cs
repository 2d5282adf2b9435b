using System.Net;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// One browser across several in-process sites: sends each request to the test server of its host
/// and keeps cookies per site in one jar, as a browser would for the server and a relying party.
/// </summary>
public sealed class SiteRouter(IReadOnlyDictionary<string, HttpMessageHandler> sites) : HttpMessageHandler
{
    private readonly Dictionary<string, HttpMessageInvoker> _sites =
        sites.ToDictionary(site => site.Key, site => new HttpMessageInvoker(site.Value), StringComparer.OrdinalIgnoreCase);

    // Large enough for chunked authentication cookies (ASP.NET Core chunks at about 4 KB).
    public CookieContainer Cookies { get; } = new() { MaxCookieSize = 16 * 1024 };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!_sites.TryGetValue(uri.Authority, out var site))
        {
            throw new InvalidOperationException($"No test site serves {uri.Authority}; a browser would have left the test here.");
        }

        var cookieHeader = Cookies.GetCookieHeader(uri);
        if (!string.IsNullOrEmpty(cookieHeader))
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", cookieHeader);
        }

        var response = await site.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var site in _sites.Values)
            {
                site.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
