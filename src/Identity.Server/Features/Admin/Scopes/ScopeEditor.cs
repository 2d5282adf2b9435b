using Identity.Server.Features.Audit;
using Identity.Server.Features.Import;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Admin.Scopes;

/// <summary>One API scope as the admin pages show it.</summary>
public sealed record ScopeRow(string Id, ScopeEntry Entry);

/// <summary>
/// API scopes for the admin pages, written through the import's <see cref="ScopeImporter"/> (the same
/// storage as an import file entry). A scope still given to a client is not deleted. Every change is audited.
/// </summary>
public sealed class ScopeEditor(
    IOpenIddictScopeManager scopes,
    IOpenIddictApplicationManager applications,
    ScopeImporter importer,
    IAuditLog audit)
{
    public async Task<IReadOnlyList<ScopeRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ScopeRow>();
        await foreach (var scope in scopes.ListAsync(count: null, offset: null, cancellationToken))
        {
            rows.Add(await RowAsync(scope, cancellationToken));
        }

        return [.. rows.OrderBy(row => row.Entry.Name, StringComparer.Ordinal)];
    }

    public async Task<ScopeRow?> FindAsync(string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) || await scopes.FindByIdAsync(id, cancellationToken) is not { } scope ? null : await RowAsync(scope, cancellationToken);

    public async Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken) =>
        await scopes.FindByNameAsync(name, cancellationToken) is not null;

    /// <summary>Creates the scope, or saves it over the stored one of the same name.</summary>
    public async Task<string> SaveAsync(ScopeEntry entry, CancellationToken cancellationToken)
    {
        var change = await importer.ImportAsync(entry, cancellationToken);
        if (change.Kind != ChangeKind.Unchanged)
        {
            var type = change.Kind == ChangeKind.Created ? AuditEventTypes.AdminScopeCreated : AuditEventTypes.AdminScopeUpdated;
            await audit.RecordAsync(AuditRecord.Succeeded(type).With("scope", entry.Name).With("fields", string.Join(",", change.Fields)), cancellationToken);
        }

        return (await scopes.GetIdAsync((await scopes.FindByNameAsync(entry.Name!, cancellationToken))!, cancellationToken))!;
    }

    /// <summary>The client ids of clients that may ask for the scope.</summary>
    public async Task<IReadOnlyList<string>> ClientsUsingAsync(string name, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await applications.HasPermissionAsync(application, OpenIddictConstants.Permissions.Prefixes.Scope + name, cancellationToken))
            {
                users.Add((await applications.GetClientIdAsync(application, cancellationToken))!);
            }
        }

        return users;
    }

    public async Task DeleteAsync(ScopeRow row, CancellationToken cancellationToken)
    {
        if (await scopes.FindByIdAsync(row.Id, cancellationToken) is { } scope)
        {
            await scopes.DeleteAsync(scope, cancellationToken);
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminScopeDeleted).With("scope", row.Entry.Name), cancellationToken);
        }
    }

    private async Task<ScopeRow> RowAsync(object scope, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(descriptor, scope, cancellationToken);
        return new ScopeRow((await scopes.GetIdAsync(scope, cancellationToken))!, new ScopeEntry
        {
            Name = descriptor.Name,
            DisplayName = descriptor.DisplayName,
            Description = descriptor.Description,
            Resources = [.. descriptor.Resources.Order(StringComparer.Ordinal)],
        });
    }
}
