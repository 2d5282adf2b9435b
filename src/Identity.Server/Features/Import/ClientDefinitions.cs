using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Import;

/// <summary>
/// The reverse of <see cref="ClientDescriptors.From"/>: a stored client as an import entry (without its
/// secret), for export and for the admin edit form. Importing the entry gives the same permissions,
/// requirements and properties.
/// </summary>
public static class ClientDefinitions
{
    public static ClientEntry ToEntry(OpenIddictApplicationDescriptor client)
    {
        var grantTypes = new[] { GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials }
            .Where(grantType => client.Permissions.Contains(Permissions.Prefixes.GrantType + grantType))
            .ToList();
        var scopes = client.Permissions
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

        // openid needs no permission; a client of the code flow asks for it, so it is named.
        if (grantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            scopes.Insert(0, Scopes.OpenId);
        }

        return new ClientEntry
        {
            ClientId = client.ClientId,
            ClientType = client.ClientType,
            DisplayName = client.DisplayName,
            RedirectUris = [.. client.RedirectUris.Select(uri => uri.OriginalString).Order(StringComparer.Ordinal)],
            PostLogoutRedirectUris = [.. client.PostLogoutRedirectUris.Select(uri => uri.OriginalString).Order(StringComparer.Ordinal)],
            GrantTypes = [.. grantTypes],
            Scopes = [.. scopes],
            Consent = client.ConsentType,
            RequireMfa = ClientImporter.RequiresMfa(client) ? true : null,
            NewDevicePolicy = ClientImporter.NewDevicePolicyOf(client),
        };
    }
}
