using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Registration;

/// <summary>After registering: the same words whether a confirmation link or an "already registered" notice went out.</summary>
[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string LoginUrl => LocalReturnUrl.AppendTo("/account/login", ReturnUrl);

    public string ResendUrl => LocalReturnUrl.AppendTo("/account/resend-confirmation", ReturnUrl);

    public void OnGet()
    {
    }
}
