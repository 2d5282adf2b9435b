using Identity.Server.Features.Email;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Creating an account, with an invitation email or an initial password the user must replace.</summary>
public sealed class NewUserModel(UserCreation creation, IOptions<AccountOptions> accounts, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public int MinimumPasswordLength => accounts.Value.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, message) in Input.Validate(text))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await creation.CreateAsync(Input, cancellationToken))
        {
            case UserCreationResult.Created created:
                var done = created.Invitation switch
                {
                    null => "created",
                    EmailSendResult.Sent => "invited",
                    _ => "invitation-failed",
                };
                return LocalRedirect($"/admin/users/{Uri.EscapeDataString(created.User.Id)}?done={done}");
            case UserCreationResult.Rejected rejected:
                UserErrors.Add(ModelState, rejected.Errors, text);
                return Page();
            default:
                throw new InvalidOperationException("Unknown user creation outcome.");
        }
    }
}
