using Identity.Server.Features.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>Deleting a client, with every grant and token issued to it, after the administrator types its client ID.</summary>
public sealed class DeleteClientModel(ClientEditor clients, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public ClientEntry Stored { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!string.Equals(Confirmation?.Trim(), Stored.ClientId, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), text["Type the client ID to confirm."]);
            return Page();
        }

        await clients.DeleteAsync(Id!, cancellationToken);
        return LocalRedirect("/admin/clients?deleted=true");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(Id, cancellationToken) is not { } stored)
        {
            return false;
        }

        Stored = stored;
        return true;
    }
}
