using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Shared;

/// <summary>The start page: the security page for a signed-in user, the sign-in page otherwise.</summary>
[AllowAnonymous]
public sealed class StartModel : PageModel
{
    public IActionResult OnGet() =>
        LocalRedirect(User.Identity?.IsAuthenticated == true ? "/account/security" : "/account/login");
}
