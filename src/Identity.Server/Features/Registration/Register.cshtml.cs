using System.ComponentModel.DataAnnotations;
using Identity.Server.Features.Shared;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Registration;

/// <summary>Creating an account. Answers the same whether or not the address already has one.</summary>
[AllowAnonymous]
public sealed class RegisterModel(AccountRegistration registration, IOptions<AccountOptions> accounts, IStringLocalizer<RegistrationText> text) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int MinimumPasswordLength => accounts.Value.MinimumPasswordLength;

    public string LoginUrl => LocalReturnUrl.AppendTo("/account/login", ReturnUrl);

    public IActionResult OnGet() => accounts.Value.AllowSelfRegistration ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!accounts.Value.AllowSelfRegistration)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = new NewAccount(Input.Email!.Trim(), string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(), Input.Password!, ReturnUrl);
        switch (await registration.RegisterAsync(account, cancellationToken))
        {
            case RegistrationResult.EmailSent:
                return LocalRedirect(LocalReturnUrl.AppendTo("/account/check-email", ReturnUrl));
            case RegistrationResult.Rejected rejected:
                ModelState.AddIdentityErrors(rejected.Errors, $"{nameof(Input)}.{nameof(Input.Password)}", $"{nameof(Input)}.{nameof(Input.Email)}");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["We could not send you an email just now. Wait a few minutes, then ask for a new confirmation email."]);
                return Page();
        }
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string? Email { get; set; }

        [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string? ConfirmPassword { get; set; }
    }
}
