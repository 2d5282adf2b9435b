using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Server.Features.SignIn;

/// <summary>Where a sign-in page may send the user afterwards: only to a local path, never to another site.</summary>
public static class ReturnUrls
{
    public const string Default = "/account/security";

    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Contains('\r') && !returnUrl.Contains('\n')
            ? returnUrl
            : Default;

    /// <summary>A parameter of the authorization request a return URL leads back to, such as <c>login_hint</c>.</summary>
    public static string? Parameter(string? returnUrl, string name)
    {
        var queryStart = returnUrl?.IndexOf('?') ?? -1;
        if (queryStart < 0)
        {
            return null;
        }

        var value = QueryHelpers.ParseQuery(returnUrl![queryStart..]).GetValueOrDefault(name).ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
