using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Scopes;

/// <summary>Creating an API scope.</summary>
public sealed class NewScopeModel(ScopeEditor scopes, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public ScopeForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var entry = Form.ToEntry();
        foreach (var (field, message) in ScopeForm.Check(entry, text))
        {
            ModelState.AddModelError(field, message);
        }

        if (ModelState.IsValid && await scopes.NameTakenAsync(entry.Name!, cancellationToken))
        {
            ModelState.AddModelError("Form.Name", text["Another scope already has this name."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await scopes.SaveAsync(entry, cancellationToken);
        return LocalRedirect($"/admin/scopes/{Uri.EscapeDataString(id)}?done=created");
    }
}
