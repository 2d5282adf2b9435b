using Identity.Server.Features.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>Editing a client: names, URIs, grant types, scopes, consent and whether it requires two-step verification.</summary>
public sealed class EditClientModel(ClientEditor clients, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>Which change was just saved; a fixed word.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public ClientEntry Stored { get; private set; } = new();

    public IReadOnlySet<string> KnownScopes { get; private set; } = new HashSet<string>();

    public LocalizedString? DoneMessage => Done switch
    {
        "created" => text["The client was created."],
        "saved" => text["The changes were saved."],
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ClientForm.From(Stored);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var edited = Form.ToEntry() with { ClientId = Stored.ClientId, ClientType = Stored.ClientType };
        foreach (var (field, message) in ClientFormRules.Check(edited, KnownScopes, text))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            Form.ClientId = Stored.ClientId;
            return Page();
        }

        await clients.UpdateAsync(Stored, edited, cancellationToken);
        return LocalRedirect($"/admin/clients/{Uri.EscapeDataString(Id!)}?done=saved");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(Id, cancellationToken) is not { } stored)
        {
            return false;
        }

        Stored = stored;
        KnownScopes = await clients.KnownScopesAsync(cancellationToken);
        return true;
    }
}
