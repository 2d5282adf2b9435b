using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.PasswordReset;

[AllowAnonymous]
public sealed class ResetPasswordDoneModel : PageModel
{
    public void OnGet()
    {
    }
}
