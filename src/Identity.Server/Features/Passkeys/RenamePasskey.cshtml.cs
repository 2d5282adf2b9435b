using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>Gives one of the account's passkeys a new name.</summary>
public sealed class RenamePasskeyModel(UserManager<ApplicationUser> users, PasskeyList passkeys, IStringLocalizer<PasskeysText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await passkeys.FindAsync(user, Id) is not { } passkey)
        {
            return LocalRedirect(ManagePasskeysModel.Path);
        }

        Name = passkey.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!PasskeyNames.Check(Name, ModelState, nameof(Name), text))
        {
            return Page();
        }

        return await passkeys.RenameAsync(user, Id ?? string.Empty, Name!.Trim())
            ? LocalRedirect(ManagePasskeysModel.Path + "?saved=renamed")
            : LocalRedirect(ManagePasskeysModel.Path);
    }
}
