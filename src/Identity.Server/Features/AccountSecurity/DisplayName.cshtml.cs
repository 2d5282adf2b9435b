using System.ComponentModel.DataAnnotations;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>Changing the name shown to the user and released to clients in the <c>name</c> claim.</summary>
public sealed class DisplayNameModel(UserManager<ApplicationUser> users, IStringLocalizer<AccountSecurityText> text, ILogger<DisplayNameModel> logger) : PageModel
{
    [BindProperty]
    public DisplayNameInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input.DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        user.DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim();
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, text["Your display name could not be saved. Please try again."]);
            return Page();
        }

        AccountSecurityLog.DisplayNameChanged(logger, user.Id);
        return LocalRedirect("/account/security?saved=" + SecurityModel.SavedDisplayName);
    }

    public sealed class DisplayNameInput
    {
        [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
        public string? DisplayName { get; set; }
    }
}
