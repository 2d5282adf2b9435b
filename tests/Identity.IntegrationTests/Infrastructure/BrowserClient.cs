using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// Drives pages as a browser would: keeps cookies, reads forms from the HTML, posts them back with
/// their hidden fields (antiforgery token included) and follows redirects on this server.
/// </summary>
public sealed class BrowserClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>Whether redirects to other sites are followed too (when several sites are routed in process).</summary>
    public bool FollowRedirectsToOtherSites { get; init; }

    public async Task<Page> GetAsync(string url)
    {
        var response = await FollowAsync(await Http.GetAsync(url));
        return await Page.ReadAsync(response);
    }

    /// <summary>Fills a form's fields by name and submits it, with the named button if given.</summary>
    public async Task<Page> SubmitAsync(Page page, IDictionary<string, string> fields, string? button = null, string formSelector = "form.form")
    {
        var response = await PostFormAsync(page, fields, button, formSelector);
        return await Page.ReadAsync(await FollowAsync(response));
    }

    /// <summary>Submits a form and returns the first response, redirects not followed.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(Page page, IDictionary<string, string> fields, string? button = null, string formSelector = "form.form")
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}:\n{page.Html}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" ? input.IsChecked : input.Type != "submit")
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var (name, value) in fields)
        {
            values.RemoveAll(pair => pair.Key == name);
            values.Add(new(name, value));
        }

        if (button is not null)
        {
            var element = form.QuerySelector($"button[name='{button}']") as IHtmlButtonElement;
            values.Add(new(button, element?.Value ?? "1"));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : new Uri(page.Url, form.GetAttribute("action"));
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Follows redirects while they stay on this server; a redirect elsewhere (to a client) is returned as is,
    /// unless <see cref="FollowRedirectsToOtherSites"/> is set.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int limit = 10)
    {
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectMethod
            && limit-- > 0)
        {
            var location = new Uri(response.RequestMessage?.RequestUri ?? Http.BaseAddress!, response.Headers.Location!);
            if (!FollowRedirectsToOtherSites && location.Authority != Http.BaseAddress!.Authority)
            {
                return response;
            }

            response = await Http.GetAsync(location);
        }

        return response;
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A fetched page: the last response and its parsed HTML.</summary>
    public sealed record Page(HttpResponseMessage Response, string Html, IHtmlDocument Document)
    {
        public Uri Url => Response.RequestMessage!.RequestUri!;

        public HttpStatusCode Status => Response.StatusCode;

        /// <summary>The redirect target when the page ended in a redirect to another site.</summary>
        public Uri? RedirectedTo => Response.Headers.Location is { } location ? new Uri(Url, location) : null;

        public string Text => Document.Body?.TextContent ?? string.Empty;

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response, html, Parser.ParseDocument(html));
        }
    }
}
