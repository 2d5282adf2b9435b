using Identity.Server.Features.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>
/// Replacing a confidential client's secret. The old secret stops working at once; the new one is shown
/// on the answer to the post only (not stored in plain, not cached, not in a URL).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class RotateSecretModel(ClientEditor clients) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public ClientEntry Stored { get; private set; } = new();

    public string? Secret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Secret = await clients.RotateSecretAsync(Id!, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(Id, cancellationToken) is not { ClientType: "confidential" } stored)
        {
            return false;
        }

        Stored = stored;
        return true;
    }
}
