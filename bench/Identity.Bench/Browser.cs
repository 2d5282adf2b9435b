using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Identity.Bench;

/// <summary>
/// One fresh browser: its own cookies (so the server sees an unknown device every time), redirects
/// followed by hand, forms read from the HTML and posted with their antiforgery token. Each request's
/// time is added to the step it belongs to.
/// </summary>
public sealed class Browser(HttpClient http, StepTimes times)
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(string step, HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => cookie.Key + "=" + cookie.Value)));
        }

        var started = Stopwatch.GetTimestamp();
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        times.Add(step, Stopwatch.GetElapsedTime(started));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';', 2)[0].Split('=', 2);
                if (cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string step, Uri url) => SendAsync(step, new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Posts the form matching <paramref name="selector"/> with its own fields and <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string step, Uri page, string html, string selector, IDictionary<string, string> fields)
    {
        var document = Parser.ParseDocument(html);
        var form = document.QuerySelector<IHtmlFormElement>(selector)
            ?? throw new InvalidOperationException($"No form '{selector}' at {page}: {document.Title}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(input => input.Type is "checkbox" or "radio" ? input.IsChecked : input.Type != "submit")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Where(pair => !fields.ContainsKey(pair.Key))
            .Concat(fields)
            .ToList();
        var target = form.GetAttribute("action");
        var action = string.IsNullOrEmpty(target) ? page : new Uri(page, target);
        return await SendAsync(step, new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) });
    }

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect;
}
