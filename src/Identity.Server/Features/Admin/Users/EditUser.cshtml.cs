using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Editing an account's email address, name and phone number, and whether they are confirmed.</summary>
public sealed class EditUserModel(UserManager<ApplicationUser> users, UserProfileEditor editor, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public UserProfileInput Input { get; set; } = new();

    public string? CurrentEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } user)
        {
            return NotFound();
        }

        Input = new UserProfileInput
        {
            Email = user.Email,
            DisplayName = user.DisplayName,
            PhoneNumber = user.PhoneNumber,
            EmailConfirmed = user.EmailConfirmed,
            PhoneNumberConfirmed = user.PhoneNumberConfirmed,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync() is not { } user)
        {
            return NotFound();
        }

        foreach (var (field, message) in Input.Validate(text))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await editor.SaveAsync(user, Input, cancellationToken);
        if (!result.Succeeded)
        {
            UserErrors.Add(ModelState, result.Errors, text);
            return Page();
        }

        return LocalRedirect($"/admin/users/{Uri.EscapeDataString(user.Id)}?done=saved");
    }

    private async Task<ApplicationUser?> FindAsync()
    {
        var user = string.IsNullOrEmpty(Id) ? null : await users.FindByIdAsync(Id);
        CurrentEmail = user?.Email;
        return user;
    }
}
