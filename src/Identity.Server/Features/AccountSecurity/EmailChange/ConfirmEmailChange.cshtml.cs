using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>
/// The link sent to the new address. Anonymous, because the token proves the inbox; the change itself
/// waits for a button press, so a mail scanner that fetches links cannot make it. A damaged, expired or
/// used link only gets a clear message.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(EmailChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public ConfirmEmailChangeResult? Result { get; private set; }

    /// <summary>Masked: the address comes from the link, and a forged link must not put its text on this page.</summary>
    public string MaskedEmail => EmailAddressMask.Mask(Email);

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
        if (changes.IsOtherAccount(User, UserId))
        {
            Show(ConfirmEmailChangeResult.OtherAccountSignedIn);
        }
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Show(await changes.ConfirmAsync(User, new EmailChangeLink(UserId, Email, Code), cancellationToken));

    private void Show(ConfirmEmailChangeResult result)
    {
        Result = result;
        Response.StatusCode = result switch
        {
            ConfirmEmailChangeResult.InvalidLink => StatusCodes.Status400BadRequest,
            ConfirmEmailChangeResult.OtherAccountSignedIn => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status200OK,
        };
    }
}
