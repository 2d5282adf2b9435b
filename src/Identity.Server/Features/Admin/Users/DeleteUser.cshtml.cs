using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Deleting an account after the administrator types its email address to confirm.</summary>
public sealed class DeleteUserModel(UserManager<ApplicationUser> users, UserDeletion deletion, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await FindAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync() is not { } user)
        {
            return NotFound();
        }

        if (!string.Equals(Confirmation?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirmation), text["Type the account's email address to confirm."]);
            return Page();
        }

        switch (await deletion.DeleteAsync(user, cancellationToken))
        {
            case AdminActionResult.Done:
                return LocalRedirect("/admin/users?deleted=true");
            case AdminActionResult.LastAdministrator:
                ModelState.AddModelError(string.Empty, text["This is the last active administrator; it cannot be deleted. Make someone else an administrator first."]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["That did not work. Reload the page and try again."]);
                return Page();
        }
    }

    private async Task<ApplicationUser?> FindAsync()
    {
        var user = string.IsNullOrEmpty(Id) ? null : await users.FindByIdAsync(Id);
        Email = user?.Email;
        return user;
    }
}
