using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Scopes;

/// <summary>Editing an API scope (its name is its key and stays), and deleting it when no client uses it.</summary>
public sealed class EditScopeModel(ScopeEditor scopes, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public ScopeForm Form { get; set; } = new();

    public ScopeRow Stored { get; private set; } = null!;

    public LocalizedString? DoneMessage => Done switch
    {
        "created" => text["The scope was created."],
        "saved" => text["The changes were saved."],
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await scopes.FindAsync(Id, cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        Stored = stored;
        Form = ScopeForm.From(stored.Entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await scopes.FindAsync(Id, cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        Stored = stored;
        var entry = Form.ToEntry() with { Name = stored.Entry.Name };
        foreach (var (field, message) in ScopeForm.Check(entry, text))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            Form.Name = stored.Entry.Name;
            return Page();
        }

        await scopes.SaveAsync(entry, cancellationToken);
        return LocalRedirect($"/admin/scopes/{Uri.EscapeDataString(stored.Id)}?done=saved");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await scopes.FindAsync(Id, cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        Stored = stored;
        Form = ScopeForm.From(stored.Entry);
        var users = await scopes.ClientsUsingAsync(stored.Entry.Name!, cancellationToken);
        if (users.Count > 0)
        {
            ModelState.AddModelError(string.Empty, text["The scope is still given to these clients: {0}. Take it away from them first.", string.Join(", ", users)]);
            return Page();
        }

        await scopes.DeleteAsync(stored, cancellationToken);
        return LocalRedirect("/admin/scopes?deleted=true");
    }
}
