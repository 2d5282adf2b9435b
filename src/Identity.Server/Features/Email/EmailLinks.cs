using System.Text;
using Identity.Server.Features.Oidc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Email;

/// <summary>
/// Absolute links for email, built from the configured public URL (Oidc:Issuer) and never from the
/// request's Host header, which an attacker can set so that a reset link points at their own site
/// (password reset poisoning).
/// </summary>
public sealed class EmailLinks(IOptions<OidcServerOptions> oidc)
{
    public string To(string path, IDictionary<string, string?>? query = null)
    {
        var root = oidc.Value.Issuer.AbsoluteUri;
        var relative = path.TrimStart('/');
        if (query is not null)
        {
            relative = QueryHelpers.AddQueryString(relative, query.Where(pair => pair.Value is not null));
        }

        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), relative).AbsoluteUri;
    }

    /// <summary>Identity's tokens contain '+', '/' and '='; base64url keeps them intact in a link.</summary>
    public static string EncodeCode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in a link's code, or null when the code was damaged.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
