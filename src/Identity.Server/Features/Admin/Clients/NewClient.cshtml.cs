using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>Registering a client. A confidential client's secret is shown once, on the answer to the post, and never stored in plain.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class NewClientModel(ClientEditor clients, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public ClientForm Form { get; set; } = new() { GrantTypes = ["authorization_code"], Scopes = ["openid", "profile", "email"] };

    public IReadOnlySet<string> KnownScopes { get; private set; } = new HashSet<string>();

    /// <summary>Set once the client exists.</summary>
    public string? CreatedId { get; private set; }

    /// <summary>The new secret, shown on this one answer only.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => KnownScopes = await clients.KnownScopesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        KnownScopes = await clients.KnownScopesAsync(cancellationToken);
        var entry = Form.ToEntry();
        foreach (var (field, message) in ClientFormRules.Check(entry, KnownScopes, text))
        {
            ModelState.AddModelError(field, message);
        }

        if (ModelState.IsValid && await clients.ClientIdTakenAsync(entry.ClientId!, cancellationToken))
        {
            ModelState.AddModelError("Form.ClientId", text["Another client already has this client ID."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        (CreatedId, Secret) = await clients.CreateAsync(entry, cancellationToken);
        return Secret is null ? LocalRedirect($"/admin/clients/{Uri.EscapeDataString(CreatedId)}?done=created") : Page();
    }
}
