using System.Web;

namespace Identity.Server.Features.Import;

/// <summary>
/// Which redirect URIs a client may register. Exact, absolute http(s) URIs without a fragment
/// (RFC 6749 §3.1.2); plain http only on the loopback interface, where nothing crosses a network
/// (RFC 8252 §7.3, RFC 9700 §2.6); and no <c>iss</c> query parameter, which would let a client
/// fake the issuer in the authorization response (RFC 9207 §2.4, mix-up attacks).
/// </summary>
public static class RedirectUriRules
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static void Check(string field, IReadOnlyList<string?> uris, EntryProblems problems)
    {
        for (var i = 0; i < uris.Count; i++)
        {
            if (Problem(uris[i]) is { } problem)
            {
                problems.Add($"{field}[{i}] \"{uris[i]}\" {problem}");
            }
        }
    }

    /// <summary>What is wrong with one URI, or null when it may be registered.</summary>
    public static string? Problem(string? value)
    {
        // On Unix "/callback" parses as an absolute file: URI; it is a relative path all the same.
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.IsFile && !value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return "is not an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "is not an http(s) URL";
        }

        if (value.Contains('#'))
        {
            return "has a fragment (#…), which redirect URIs may not have";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !LoopbackHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return "uses plain http on a host other than localhost, 127.0.0.1 or [::1]; use https";
        }

        if (HttpUtility.ParseQueryString(uri.Query).AllKeys.Contains("iss"))
        {
            return "has an iss query parameter, which would let it fake the issuer of responses";
        }

        return null;
    }
}
