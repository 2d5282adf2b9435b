using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Server.Features.Shared;

/// <summary>
/// Picks the page language from the OIDC <c>ui_locales</c> parameter (OIDC Core §3.1.2.1), whether it
/// is on the authorization request itself or on the authorization request a sign-in page returns to.
/// Without it, the culture cookie and then Accept-Language decide.
/// </summary>
public sealed class UiLocalesCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var query = httpContext.Request.Query;
        string? locales = query["ui_locales"];
        if (string.IsNullOrEmpty(locales) && query["returnUrl"] is { Count: > 0 } returnUrl)
        {
            var queryStart = returnUrl.ToString().IndexOf('?');
            if (queryStart >= 0)
            {
                locales = QueryHelpers.ParseQuery(returnUrl.ToString()[queryStart..]).GetValueOrDefault("ui_locales").ToString();
            }
        }

        if (string.IsNullOrWhiteSpace(locales))
        {
            return NullProviderCultureResult;
        }

        // ui_locales is a space-separated preference list; the middleware takes the first supported one.
        var cultures = locales.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(locale => new Microsoft.Extensions.Primitives.StringSegment(locale)).ToList();
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(cultures, cultures));
    }
}
