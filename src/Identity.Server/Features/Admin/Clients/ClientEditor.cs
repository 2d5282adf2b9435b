using Identity.Server.Features.Audit;
using Identity.Server.Features.Import;
using Identity.Server.Features.Oidc.ClientAuthentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>One row of the client list.</summary>
public sealed record ClientRow(string Id, string? ClientId, string? DisplayName, string? ClientType, IReadOnlyList<string> GrantTypes);

/// <summary>
/// Clients for the admin pages, written through the import's <see cref="ClientImporter"/> so a client
/// saved here is stored exactly as the same entry in an import file would be. Every change is audited.
/// </summary>
public sealed class ClientEditor(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    ClientImporter importer,
    ClientSecretHashes hashes,
    IAuditLog audit,
    ILogger<ClientEditor> logger)
{
    public async Task<IReadOnlyList<ClientRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ClientRow>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var entry = await EntryAsync(application, cancellationToken);
            rows.Add(new ClientRow((await applications.GetIdAsync(application, cancellationToken))!, entry.ClientId, entry.DisplayName,
                entry.ClientType, [.. entry.GrantTypes.OfType<string>()]));
        }

        return [.. rows.OrderBy(row => row.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The standard scopes and those in the database: what a client may be given.</summary>
    public async Task<IReadOnlySet<string>> KnownScopesAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(ClientDescriptors.StandardScopes.Keys, StringComparer.Ordinal);
        await foreach (var scope in scopes.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await scopes.GetNameAsync(scope, cancellationToken) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public async Task<ClientEntry?> FindAsync(string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) || await applications.FindByIdAsync(id, cancellationToken) is not { } application
            ? null
            : await EntryAsync(application, cancellationToken);

    public async Task<bool> ClientIdTakenAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is not null;

    /// <returns>The new client's id, and its secret (shown once) when it is confidential.</returns>
    public async Task<(string Id, string? Secret)> CreateAsync(ClientEntry entry, CancellationToken cancellationToken)
    {
        var secret = entry.ClientType == ClientTypes.Confidential ? ClientSecrets.Generate() : null;
        await importer.ImportAsync(entry with { ClientSecretHash = secret is null ? null : GeneratedSecretHash.Compute(secret) }, cancellationToken);
        var application = (await applications.FindByClientIdAsync(entry.ClientId!, cancellationToken))!;
        await audit.RecordAsync((AuditRecord.Succeeded(AuditEventTypes.AdminClientCreated) with { ClientId = entry.ClientId })
            .With("client_type", entry.ClientType), cancellationToken);
        return ((await applications.GetIdAsync(application, cancellationToken))!, secret);
    }

    /// <summary>Saves the form over the stored client; its client id, type and secret stay as they are.</summary>
    public async Task<EntryChange> UpdateAsync(ClientEntry stored, ClientEntry edited, CancellationToken cancellationToken)
    {
        var change = await importer.ImportAsync(edited with { ClientId = stored.ClientId, ClientType = stored.ClientType, ClientSecret = null, ClientSecretHash = null }, cancellationToken);
        if (change.Kind != ChangeKind.Unchanged)
        {
            await audit.RecordAsync((AuditRecord.Succeeded(AuditEventTypes.AdminClientUpdated) with { ClientId = stored.ClientId })
                .With("fields", string.Join(",", change.Fields)), cancellationToken);
        }

        return change;
    }

    /// <returns>The new secret to show once, or null when the client is not confidential (or gone).</returns>
    public async Task<string?> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        if (await applications.FindByIdAsync(id, cancellationToken) is not { } application
            || !await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            return null;
        }

        var secret = ClientSecrets.Generate();
        await hashes.SetAsync(application, GeneratedSecretHash.Compute(secret), cancellationToken);
        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        AdminLog.ClientSecretRotated(logger, clientId ?? id);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminClientSecretRotated) with { ClientId = clientId }, cancellationToken);
        return secret;
    }

    /// <summary>Deletes the client; OpenIddict's store deletes its authorizations and tokens with it.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await applications.FindByIdAsync(id, cancellationToken) is not { } application)
        {
            return false;
        }

        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminClientDeleted) with { ClientId = clientId }, cancellationToken);
        return true;
    }

    private async Task<ClientEntry> EntryAsync(object application, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        return ClientDefinitions.ToEntry(descriptor);
    }
}
