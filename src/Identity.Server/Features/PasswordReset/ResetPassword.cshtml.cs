using System.ComponentModel.DataAnnotations;
using Identity.Server.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Identity.Server.Features.SignIn;

namespace Identity.Server.Features.PasswordReset;

/// <summary>
/// Choosing a new password from a reset link. The code in the URL does not leak onwards: every page
/// is served with Referrer-Policy: no-referrer and loads nothing from other sites.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordResets resets, IOptions<AccountOptions> accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>Why the page was opened (<see cref="ResetReasons"/>), for its opening line.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool LinkValid { get; private set; } = true;

    public int MinimumPasswordLength => accounts.Value.MinimumPasswordLength;

    public async Task OnGetAsync()
    {
        if (!await resets.IsLinkValidAsync(UserId, Code))
        {
            ShowInvalidLink();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await resets.ResetAsync(UserId, Code, Input.Password!, cancellationToken))
        {
            case ResetPasswordResult.Reset:
                return LocalRedirect("/account/reset-password/done");
            case ResetPasswordResult.Rejected rejected:
                ModelState.AddIdentityErrors(rejected.Errors, $"{nameof(Input)}.{nameof(Input.Password)}");
                return Page();
            default:
                ShowInvalidLink();
                return Page();
        }
    }

    private void ShowInvalidLink()
    {
        LinkValid = false;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public sealed class ResetPasswordInput
    {
        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string? ConfirmPassword { get; set; }
    }
}
