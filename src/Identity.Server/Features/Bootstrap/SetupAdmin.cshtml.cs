using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Bootstrap;

/// <summary>
/// Creates the first administrator through the one-time link printed on the console at start.
/// Anonymous by necessity — no one can sign in yet — so the link's token is the only credential:
/// without the current token, after its use, or once any administrator exists, the page does not
/// exist (404). Its posts share the account forms' rate limit.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SetupAdminModel(AdministratorSetup setup, AccountSignIn accounts, IStringLocalizer<BootstrapText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetupAdminInput Input { get; set; } = new();

    public bool Expired { get; private set; }

    public async Task<IActionResult> OnGetAsync() => Refuse(await setup.CheckAsync(Token)) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Refuse(await setup.CheckAsync(Token)) is { } refused)
        {
            return refused;
        }

        foreach (var (field, message) in Input.Validate(text))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await setup.CreateAsync(Token, Input.Email!, Input.DisplayName, Input.Password!, cancellationToken);
        switch (result)
        {
            case AdministratorAccountResult.Created created:
                return await SignInAsync(created.User);
            case AdministratorAccountResult.Promoted promoted:
                return await SignInAsync(promoted.User);
            case AdministratorAccountResult.Rejected rejected:
                foreach (var error in rejected.Errors)
                {
                    ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
                }

                return Page();
            case AdministratorAccountResult.LinkClosed closed:
                return Refuse(closed.State) ?? NotFound();
            default:
                throw new InvalidOperationException($"Unknown setup outcome {result.GetType().Name}.");
        }
    }

    private async Task<IActionResult> SignInAsync(Data.ApplicationUser user)
    {
        await accounts.SignInAsync(user, [AuthenticationMethods.Password], persistent: false);
        return LocalRedirect("/");
    }

    private IActionResult? Refuse(SetupLinkState state)
    {
        switch (state)
        {
            case SetupLinkState.Open:
                return null;
            case SetupLinkState.Expired:
                // Only the holder of the right token learns it expired; anyone else sees no page.
                Expired = true;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            default:
                return NotFound();
        }
    }
}
