using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>
/// The one-tap link in the verification text, opened on the phone (which usually has no session).
/// Opening it changes nothing — link previewers and scanners fetch URLs — the tap on the button does.
/// The link is single use, expires with the code, and is bound to the account and number it was sent for.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmPhoneLinkModel(SecurityCodeStore codes, UserManager<ApplicationUser> users, PhoneNumberChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? MaskedNumber { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var destination = await codes.PeekLinkDestinationAsync(Id, Token, cancellationToken);
        MaskedNumber = destination is null ? null : PhoneMask.ForDisplay(destination);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var check = await codes.CheckLinkAsync(Id, Token, cancellationToken);
        if (check.Succeeded && await users.FindByIdAsync(check.UserId!) is { } user)
        {
            await changes.ConfirmAsync(user, check.Destination!, cancellationToken);
            MaskedNumber = PhoneMask.ForDisplay(check.Destination);
            Confirmed = true;
        }

        return Page();
    }
}
