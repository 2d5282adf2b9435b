using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Registration;

/// <summary>A new confirmation link. The answer is the same for every address, with an account or without.</summary>
[AllowAnonymous]
public sealed class ResendConfirmationModel(AccountRegistration registration) : PageModel
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Sent { get; private set; }

    public string LoginUrl => LocalReturnUrl.AppendTo("/account/login", ReturnUrl);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await registration.ResendConfirmationAsync(Input.Email!.Trim(), ReturnUrl, cancellationToken);
        Sent = true;
        return Page();
    }

    public sealed class ResendInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string? Email { get; set; }
    }
}
