using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Identity.DemoClient;

/// <summary>The single server-rendered page. Every value that reaches the HTML goes through <see cref="Encode"/>.</summary>
internal static class HomePage
{
    // No inline script or style, so the policy needs no 'unsafe-inline'. form-action is omitted:
    // browsers apply it to the redirect to the server's end-session endpoint after the sign-out post.
    private const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static async Task<IResult> RenderAsync(HttpContext context, IAntiforgery antiforgery, [FromQuery] string? error)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<p class=\"error\">Sign-in did not complete: <code>")
                .Append(Encode(SignInError.Normalize(error)))
                .Append("</code></p>");
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await AppendSignedInAsync(html, context, antiforgery);
        }
        else
        {
            AppendSignedOut(html);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(Layout(html.ToString()), "text/html; charset=utf-8");
    }

    private static void AppendSignedOut(StringBuilder html) =>
        html.Append("<p>You are signed out.</p>")
            .Append("<p><a class=\"button\" href=\"/signin\">Sign in</a></p>")
            .Append("<p class=\"hint\">Other ways in: <a href=\"/signin?prompt=login\">always ask for credentials</a>, ")
            .Append("<a href=\"/signin?max_age=0\">require a fresh sign-in</a>.</p>");

    private static async Task AppendSignedInAsync(StringBuilder html, HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        var shownName = user.Identity?.Name ?? user.FindFirst("email")?.Value ?? user.FindFirst("sub")?.Value;
        html.Append("<p class=\"who\">Signed in as <strong>").Append(Encode(shownName)).Append("</strong></p>");

        var amr = IdTokenPayload.AuthenticationMethods(IdTokenPayload.Read(await context.GetTokenAsync("id_token")));
        html.Append("<h2>How you signed in</h2><p>ID token <code>amr</code>: ");
        if (amr.Count == 0)
        {
            html.Append("<em>none sent</em>");
        }
        else
        {
            html.AppendJoin(" ", amr.Select(method => $"<code class=\"tag\">{Encode(method)}</code>"));
        }

        html.Append("</p>");

        html.Append("<h2>Claims</h2><table><thead><tr><th>Type</th><th>Value</th></tr></thead><tbody>");
        foreach (var claim in user.Claims)
        {
            html.Append("<tr><td><code>").Append(Encode(claim.Type)).Append("</code></td><td>")
                .Append(Encode(claim.Value)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        var tokens = antiforgery.GetAndStoreTokens(context);
        html.Append("<div class=\"actions\">")
            .Append("<a class=\"button secondary\" href=\"/tokens\">Token details (JSON)</a>")
            .Append("<a class=\"button secondary\" href=\"/signin?prompt=login\">Sign in again</a>")
            .Append("<form method=\"post\" action=\"/signout\">")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName))
            .Append("\" value=\"").Append(Encode(tokens.RequestToken)).Append("\">")
            .Append("<button type=\"submit\">Sign out</button></form></div>");
    }

    private static string Layout(string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Demo client</title><link rel=\"stylesheet\" href=\"/site.css\"></head>"
        + "<body><main><h1>Demo client</h1>" + body + "</main></body></html>";

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);
}
