using System.ComponentModel.DataAnnotations;
using Identity.Server.Data;
using Identity.Server.Features.Shared;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>Changing the password of the signed-in account; the current password is asked again.</summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    PasswordChange passwords,
    IOptions<AccountOptions> accounts,
    IStringLocalizer<AccountSecurityText> text) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public int MinimumPasswordLength => accounts.Value.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        switch (await passwords.ChangeAsync(user, Input.CurrentPassword!, Input.NewPassword!, cancellationToken))
        {
            case ChangePasswordResult.Changed:
                return LocalRedirect("/account/security?saved=" + SecurityModel.SavedPassword);
            case ChangePasswordResult.Rejected rejected:
                ModelState.AddIdentityErrors(rejected.Errors, $"{nameof(Input)}.{nameof(Input.NewPassword)}");
                return Page();
            case ChangePasswordResult.LockedOut:
                ModelState.AddModelError(string.Empty, text["Too many wrong passwords. Your account is locked for a while; try again later."]);
                return Page();
            default:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CurrentPassword)}", text["Your current password is incorrect."]);
                return Page();
        }
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
        public string? ConfirmPassword { get; set; }
    }
}
