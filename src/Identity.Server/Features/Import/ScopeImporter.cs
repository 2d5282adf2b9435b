using OpenIddict.Abstractions;

namespace Identity.Server.Features.Import;

/// <summary>Creates or updates one scope through OpenIddict's scope manager; the entry is the scope's whole definition.</summary>
public sealed class ScopeImporter(IOpenIddictScopeManager scopes)
{
    public async Task<EntryChange> ImportAsync(ScopeEntry entry, CancellationToken cancellationToken)
    {
        var existing = await scopes.FindByNameAsync(entry.Name!, cancellationToken);
        if (existing is null)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = entry.Name, DisplayName = entry.DisplayName, Description = entry.Description };
            descriptor.Resources.UnionWith(entry.Resources!);
            await scopes.CreateAsync(descriptor, cancellationToken);
            return EntryChange.Created;
        }

        var current = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(current, existing, cancellationToken);
        var changes = new List<string>();
        if (current.DisplayName != entry.DisplayName)
        {
            changes.Add("displayName");
            current.DisplayName = entry.DisplayName;
        }

        if (current.Description != entry.Description)
        {
            changes.Add("description");
            current.Description = entry.Description;
        }

        if (!current.Resources.SetEquals(entry.Resources!))
        {
            changes.Add("resources");
            current.Resources.Clear();
            current.Resources.UnionWith(entry.Resources!);
        }

        if (changes.Count > 0)
        {
            await scopes.UpdateAsync(existing, current, cancellationToken);
        }

        return EntryChange.UpdatedOrUnchanged(changes);
    }
}
