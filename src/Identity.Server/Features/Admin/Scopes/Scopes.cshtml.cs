using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Server.Features.Admin.Scopes;

/// <summary>The API scopes beyond the standard ones.</summary>
public sealed class ScopesModel(ScopeEditor scopes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "deleted")]
    public bool Deleted { get; set; }

    public IReadOnlyList<ScopeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await scopes.ListAsync(cancellationToken);
}
