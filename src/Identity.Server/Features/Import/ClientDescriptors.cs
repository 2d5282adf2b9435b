using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Import;

/// <summary>
/// Turns a (validated) client entry into what OpenIddict stores: its type, consent type,
/// permissions and requirements. Everything a client may do is a permission it was given here.
/// </summary>
public static class ClientDescriptors
{
    /// <summary>The grant types an import file may name.</summary>
    public static readonly IReadOnlySet<string> KnownGrantTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials,
    };

    /// <summary>The consent types an import file may name; the default is <c>explicit</c>.</summary>
    public static readonly IReadOnlySet<string> KnownConsentTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        ConsentTypes.Implicit, ConsentTypes.Explicit, ConsentTypes.External, ConsentTypes.Systematic,
    };

    /// <summary>The scopes the server registers itself, with the permission each needs. OpenIddict
    /// asks no permission for <c>openid</c>; <c>offline_access</c> is governed by the refresh_token grant.</summary>
    public static readonly IReadOnlyDictionary<string, string?> StandardScopes = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [Scopes.OpenId] = null,
        [Scopes.Profile] = Permissions.Scopes.Profile,
        [Scopes.Email] = Permissions.Scopes.Email,
        [Scopes.Phone] = Permissions.Scopes.Phone,
        [Scopes.Roles] = Permissions.Scopes.Roles,
        [Scopes.OfflineAccess] = Permissions.Prefixes.Scope + Scopes.OfflineAccess,
    };

    /// <summary>The application property that makes a client require two-step verification (JSON <c>true</c>).</summary>
    public const string RequireMfaProperty = SecondFactors.MfaRequirement.ClientProperty;

    /// <summary>The application property that raises the new-device check for a client (a policy name).</summary>
    public const string NewDevicePolicyProperty = NewDevice.NewDevicePolicies.ClientProperty;

    /// <summary>The new-device policies an import file may name.</summary>
    public static readonly IReadOnlyList<string> KnownNewDevicePolicies = Enum.GetNames<NewDevice.NewDevicePolicy>();

    public static OpenIddictApplicationDescriptor From(ClientEntry entry)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = entry.ClientId,
            ClientSecret = entry.ClientSecret,
            ClientType = ClientRules.IsConfidential(entry) ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = entry.Consent ?? ConsentTypes.Explicit,
            DisplayName = entry.DisplayName,
        };
        if (entry.RequireMfa == true)
        {
            descriptor.Properties[RequireMfaProperty] = JsonSerializer.SerializeToElement(true);
        }

        if (entry.NewDevicePolicy is not null)
        {
            descriptor.Properties[NewDevicePolicyProperty] = JsonSerializer.SerializeToElement(entry.NewDevicePolicy);
        }

        descriptor.RedirectUris.UnionWith(entry.RedirectUris.Select(uri => new Uri(uri!)));
        descriptor.PostLogoutRedirectUris.UnionWith(entry.PostLogoutRedirectUris.Select(uri => new Uri(uri!)));
        descriptor.Permissions.UnionWith(PermissionsFor(entry.GrantTypes!, entry.Scopes!));
        if (entry.GrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            // PKCE is also required server-wide; stored per client too, so it holds whatever the server options say.
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        return descriptor;
    }

    public static IEnumerable<string> PermissionsFor(IEnumerable<string> grantTypes, IEnumerable<string> scopes)
    {
        yield return Permissions.Endpoints.Token;
        yield return Permissions.Endpoints.Revocation;
        yield return Permissions.Endpoints.Introspection;
        foreach (var grantType in grantTypes.Distinct())
        {
            foreach (var permission in PermissionsFor(grantType))
            {
                yield return permission;
            }
        }

        foreach (var scope in scopes.Distinct().Where(scope => scope != Scopes.OpenId))
        {
            yield return StandardScopes.TryGetValue(scope, out var permission) ? permission! : Permissions.Prefixes.Scope + scope;
        }
    }

    private static string[] PermissionsFor(string grantType) => grantType switch
    {
        GrantTypes.AuthorizationCode =>
        [
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
        ],
        GrantTypes.RefreshToken => [Permissions.GrantTypes.RefreshToken],
        GrantTypes.ClientCredentials => [Permissions.GrantTypes.ClientCredentials],
        _ => throw new ArgumentOutOfRangeException(nameof(grantType), grantType, "Validation lets only known grant types through."),
    };
}
