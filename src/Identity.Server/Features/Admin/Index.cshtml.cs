using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Admin;

/// <summary>The admin area's start page.</summary>
public sealed class AdminHomeModel : PageModel
{
    public void OnGet()
    {
    }
}
