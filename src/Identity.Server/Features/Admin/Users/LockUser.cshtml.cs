using System.Globalization;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Locking an account with a reason and, optionally, the day the lock ends.</summary>
public sealed class LockUserModel(UserManager<ApplicationUser> users, UserLockout lockout, TimeProvider time, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>yyyy-MM-dd (UTC): the lock ends at the start of that day; empty locks until unlocked.</summary>
    [BindProperty]
    public string? Until { get; set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await FindAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync() is not { } user)
        {
            return NotFound();
        }

        var until = Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await lockout.LockAsync(user, Reason!.Trim(), until, cancellationToken))
        {
            case AdminActionResult.Done:
                return LocalRedirect($"/admin/users/{Uri.EscapeDataString(user.Id)}?done=locked");
            case AdminActionResult.LastAdministrator:
                ModelState.AddModelError(string.Empty, text["This is the last active administrator; it cannot be locked. Make someone else an administrator first."]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["That did not work. Reload the page and try again."]);
                return Page();
        }
    }

    private DateTimeOffset? Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), text["Give the reason for the lock; it is kept in the audit log."]);
        }
        else if (Reason.Trim().Length > UserLockout.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), text["Use at most {0} characters.", UserLockout.MaxReasonLength]);
        }

        if (string.IsNullOrWhiteSpace(Until))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(Until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ModelState.AddModelError(nameof(Until), text["Enter a date as year-month-day, for example 2026-01-31."]);
            return null;
        }

        var until = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (until <= time.GetUtcNow())
        {
            ModelState.AddModelError(nameof(Until), text["Choose a day in the future, or leave it empty to lock until unlocked."]);
        }

        return until;
    }

    private async Task<ApplicationUser?> FindAsync()
    {
        var user = string.IsNullOrEmpty(Id) ? null : await users.FindByIdAsync(Id);
        Email = user?.Email;
        return user;
    }
}
