using Identity.Server.Data;
using Identity.Server.Features.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Export;

/// <summary>
/// Reads the database as an import file: every scope and client, and every account with an email
/// address. Importing the file into an empty database gives the same configuration. Without
/// <c>includeSecrets</c> it holds no password hashes, client secret hashes or authenticator keys; a
/// confidential client is then written as <c>clientType: confidential</c> without a secret, which an
/// import into a database holding that client keeps and into an empty one refuses.
/// </summary>
public sealed class ConfigurationExport(
    ApplicationDbContext db,
    IOpenIddictScopeManager scopes,
    IOpenIddictApplicationManager applications)
{
    /// <summary>Where Identity keeps the authenticator key (what UserManager.ResetAuthenticatorKeyAsync writes).</summary>
    private const string AuthenticatorKeyProvider = UserCredentialImporter.AuthenticatorKeyProvider;
    private const string AuthenticatorKeyName = UserCredentialImporter.AuthenticatorKeyName;

    public async Task<ImportFile> ReadAsync(bool includeSecrets, CancellationToken cancellationToken) => new()
    {
        Scopes = [.. await ScopesAsync(cancellationToken)],
        Clients = [.. await ClientsAsync(includeSecrets, cancellationToken)],
        Users = [.. await UsersAsync(includeSecrets, cancellationToken)],
    };

    private async Task<List<ScopeEntry>> ScopesAsync(CancellationToken cancellationToken)
    {
        var entries = new List<ScopeEntry>();
        await foreach (var scope in scopes.ListAsync(count: null, offset: null, cancellationToken))
        {
            var descriptor = new OpenIddictScopeDescriptor();
            await scopes.PopulateAsync(descriptor, scope, cancellationToken);
            entries.Add(new ScopeEntry
            {
                Name = descriptor.Name,
                DisplayName = descriptor.DisplayName,
                Description = descriptor.Description,
                Resources = [.. descriptor.Resources.Order(StringComparer.Ordinal)],
            });
        }

        return [.. entries.OrderBy(entry => entry.Name, StringComparer.Ordinal)];
    }

    private async Task<List<ClientEntry>> ClientsAsync(bool includeSecrets, CancellationToken cancellationToken)
    {
        var entries = new List<ClientEntry>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellationToken);
            var entry = ClientDefinitions.ToEntry(descriptor);
            entries.Add(includeSecrets && descriptor.ClientType == ClientTypes.Confidential
                ? entry with { ClientSecretHash = ClientSecretHashes.Get(application) }
                : entry);
        }

        return [.. entries.OrderBy(entry => entry.ClientId, StringComparer.Ordinal)];
    }

    private async Task<List<UserEntry>> UsersAsync(bool includeSecrets, CancellationToken cancellationToken)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(role => role.Id, role => role.Name!, cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(link => link.UserId)
            .ToDictionary(group => group.Key, group => group.Select(link => roleNames[link.RoleId]).Order(StringComparer.Ordinal).ToList());
        var keys = await db.UserTokens.AsNoTracking()
            .Where(token => token.LoginProvider == AuthenticatorKeyProvider && token.Name == AuthenticatorKeyName)
            .ToDictionaryAsync(token => token.UserId, token => token.Value, cancellationToken);

        var users = await db.Users.AsNoTracking().Where(user => user.Email != null).OrderBy(user => user.NormalizedEmail).ToListAsync(cancellationToken);
        return [.. users.Select(user => Entry(user, roles.GetValueOrDefault(user.Id) ?? [], includeSecrets ? keys.GetValueOrDefault(user.Id) : null, includeSecrets))];
    }

    private static UserEntry Entry(ApplicationUser user, List<string> roles, string? authenticatorKey, bool includeSecrets) => new()
    {
        Email = user.Email,
        EmailConfirmed = user.EmailConfirmed,
        DisplayName = user.DisplayName,
        PhoneNumber = user.PhoneNumber,
        PhoneNumberConfirmed = user.PhoneNumber is null ? null : user.PhoneNumberConfirmed,
        Roles = [.. roles],
        TwoFactorEnabled = user.TwoFactorEnabled,

        // "authenticator" is valid only with the key it names, which is a secret.
        TwoFactorMethod = user.TwoFactorMethod == "authenticator" && authenticatorKey is null ? null : user.TwoFactorMethod,
        AuthenticatorKey = authenticatorKey,
        PasswordHash = includeSecrets ? user.PasswordHash : null,
    };
}
