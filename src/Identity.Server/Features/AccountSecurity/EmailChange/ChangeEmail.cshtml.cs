using System.ComponentModel.DataAnnotations;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.SecondFactors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>
/// The signed-in account's email address: whether it is confirmed, a new confirmation link, and a
/// change to a new address. Changing the address changes how the account signs in and where its
/// password reset goes, so it needs a recent sign-in like a factor change (<see cref="RecentSignIn"/>).
/// </summary>
public sealed class ChangeEmailModel(
    UserManager<ApplicationUser> users,
    EmailChanges changes,
    RecentSignIn recent,
    IStringLocalizer<EmailChangeText> text) : PageModel
{
    public const string Path = "/account/email";

    private static readonly EmailAddressAttribute EmailRule = new();

    [BindProperty]
    public string? NewEmail { get; set; }

    public ApplicationUser Account { get; private set; } = null!;

    /// <summary>Whether the change form is offered now; otherwise the page asks to confirm it is you first.</summary>
    public bool CanChange { get; private set; }

    public string ConfirmItIsYouUrl => RecentSignIn.ConfirmUrl(Path);

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!CanChange)
        {
            return LocalRedirect(ConfirmItIsYouUrl);
        }

        var newEmail = NewEmail?.Trim();
        if (Problem(newEmail) is { } problem)
        {
            ModelState.AddModelError(nameof(NewEmail), problem);
            return Page();
        }

        switch (await changes.RequestAsync(Account, newEmail!, cancellationToken))
        {
            case EmailChangeRequestResult.SameAddress:
                ModelState.AddModelError(nameof(NewEmail), text["This is already your email address."]);
                return Page();
            case EmailChangeRequestResult.SendFailed:
                ModelState.AddModelError(string.Empty, text["The email could not be sent. Please try again later."]);
                return Page();
            default:
                Notice = text["We sent a link to {0}. Open it to confirm your new address. Until then, you keep signing in with your current address.", newEmail!];
                NewEmail = null;
                ModelState.Clear();
                return Page();
        }
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (Account.EmailConfirmed)
        {
            return Page();
        }

        if (await changes.ResendConfirmationAsync(Account, cancellationToken) != EmailSendResult.Sent)
        {
            ModelState.AddModelError(string.Empty, text["The email could not be sent. Please try again later."]);
            return Page();
        }

        Notice = text["We sent a new confirmation link to your email address."];
        return Page();
    }

    private string? Problem(string? newEmail) =>
        string.IsNullOrEmpty(newEmail) ? text["Enter your new email address."].Value
        : newEmail.Length > 256 || !EmailRule.IsValid(newEmail) ? text["Enter a valid email address."].Value
        : null;

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Account = user;
        CanChange = recent.IsRecent(User);
        return true;
    }
}
