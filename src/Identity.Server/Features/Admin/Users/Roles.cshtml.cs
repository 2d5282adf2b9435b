using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Giving an account a role and taking one away.</summary>
public sealed class UserRolesModel(UserManager<ApplicationUser> users, RoleAssignments assignments, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public string? Email { get; private set; }

    public IReadOnlyList<string> Current { get; private set; } = [];

    public IReadOnlyList<string> Available { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ChangeAsync((user, role) => assignments.AddAsync(user, role, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        ChangeAsync((user, role) => assignments.RemoveAsync(user, role, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<ApplicationUser, string, Task<AdminActionResult>> change, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return NotFound();
        }

        var role = Role?.Trim();
        if (!RoleAssignments.IsRoleName(role))
        {
            ModelState.AddModelError(nameof(Role), text["Enter a role name of 1 to {0} characters.", RoleAssignments.MaxRoleLength]);
            return Page();
        }

        switch (await change(user, role!))
        {
            case AdminActionResult.Done:
                return LocalRedirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/roles");
            case AdminActionResult.LastAdministrator:
                ModelState.AddModelError(string.Empty, text["This is the last active administrator; the admin role cannot be taken away. Make someone else an administrator first."]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["That did not work. Reload the page and try again."]);
                return Page();
        }
    }

    private async Task<ApplicationUser?> LoadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Id) || await users.FindByIdAsync(Id) is not { } user)
        {
            return null;
        }

        Email = user.Email;
        Current = [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];
        Available = [.. (await assignments.AllAsync(cancellationToken)).Except(Current, StringComparer.OrdinalIgnoreCase)];
        return user;
    }
}
