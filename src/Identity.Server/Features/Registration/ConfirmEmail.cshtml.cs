using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Registration;

/// <summary>The link from the confirmation email. A damaged, expired or foreign link only gets a clear message.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(AccountRegistration registration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ConfirmEmailResult Result { get; private set; }

    public string LoginUrl => LocalReturnUrl.AppendTo("/account/login", ReturnUrl);

    public string ResendUrl => LocalReturnUrl.AppendTo("/account/resend-confirmation", ReturnUrl);

    public async Task OnGetAsync(string? userId, string? code)
    {
        Result = await registration.ConfirmAsync(userId, code);
        if (Result != ConfirmEmailResult.Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
