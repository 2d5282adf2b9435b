using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.SignIn;

/// <summary>Signing out of the service itself. Signing out from a client goes through /connect/endsession.</summary>
[AllowAnonymous]
public sealed class LogoutModel(AccountSignIn accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
