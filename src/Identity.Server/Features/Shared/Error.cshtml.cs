using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;

namespace Identity.Server.Features.Shared;

/// <summary>
/// The readable error page: OIDC errors that cannot be sent back to a client (an unknown client or
/// an unregistered redirect_uri), status codes and unhandled exceptions. Never shows a stack trace.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedText> text) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public string? ErrorDescription { get; private set; }

    public string? TraceId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var oidc = HttpContext.GetOpenIddictServerResponse();
        Error = oidc?.Error;
        ErrorDescription = oidc?.ErrorDescription;
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Message = (oidc, status ?? Response.StatusCode) switch
        {
            ({ Error: not null }, _) => text["The application that sent you here made a request this service cannot accept."],
            (_, 404) => text["This page does not exist."],
            (_, 403) => text["You do not have access to this page."],
            (_, 429) => text["Too many attempts. Wait a minute and try again."],
            (_, >= 400 and < 500) => text["The request could not be handled."],
            _ => text["An unexpected error occurred. Please try again later."],
        };
    }
}
