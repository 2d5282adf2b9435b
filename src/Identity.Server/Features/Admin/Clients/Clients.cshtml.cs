using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>The client list.</summary>
public sealed class ClientsModel(ClientEditor clients) : PageModel
{
    /// <summary>Set after a client was deleted, to say so.</summary>
    [BindProperty(SupportsGet = true, Name = "deleted")]
    public bool Deleted { get; set; }

    public IReadOnlyList<ClientRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await clients.ListAsync(cancellationToken);
}
