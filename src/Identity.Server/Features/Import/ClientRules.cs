using Identity.Server.Features.Oidc.ClientAuthentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Import;

/// <summary>What a client entry must satisfy before anything is written.</summary>
public static class ClientRules
{
    /// <summary>The longest client id the database column holds.</summary>
    public const int MaxClientIdLength = 100;

    /// <summary>Shortest accepted secret: a guessable secret makes client authentication meaningless.</summary>
    public const int MinSecretLength = 16;

    public static void Check(ClientEntry client, ISet<string> idsSeen, IReadOnlySet<string> knownScopes, EntryProblems problems)
    {
        CheckIdentity(client, idsSeen, problems);
        var grantTypes = CheckGrantTypes(client, problems);
        CheckRedirectUris(client, grantTypes, problems);
        CheckScopes(client, grantTypes, knownScopes, problems);
        if (client.Consent is not null && !ClientDescriptors.KnownConsentTypes.Contains(client.Consent))
        {
            problems.Add($"consent \"{client.Consent}\" is not one of implicit, explicit, external, systematic");
        }

        if (client.RequireMfa == true && !grantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            problems.Add("requireMfa needs authorization_code: only users signing in can give a second factor");
        }

        if (client.NewDevicePolicy is not null && !ClientDescriptors.KnownNewDevicePolicies.Contains(client.NewDevicePolicy))
        {
            problems.Add($"newDevicePolicy \"{client.NewDevicePolicy}\" is not one of {string.Join(", ", ClientDescriptors.KnownNewDevicePolicies)}");
        }
    }

    /// <summary>Whether the entry makes a confidential client: said so, or given a secret.</summary>
    public static bool IsConfidential(ClientEntry client) =>
        client.ClientType == ClientTypes.Confidential
        || (client.ClientType is null && (client.ClientSecret is not null || client.ClientSecretHash is not null));

    /// <summary>A confidential entry without a secret keeps the stored one, so the client must exist and be confidential.</summary>
    public static void CheckSecretKept(ClientEntry client, IReadOnlySet<string> existingConfidentialClients, EntryProblems problems)
    {
        if (client.ClientType == ClientTypes.Confidential && client.ClientSecret is null && client.ClientSecretHash is null
            && client.ClientId is not null && !existingConfidentialClients.Contains(client.ClientId))
        {
            problems.Add("clientType \"confidential\" needs a clientSecret or clientSecretHash: no confidential client with this clientId has a secret to keep");
        }
    }

    private static void CheckIdentity(ClientEntry client, ISet<string> idsSeen, EntryProblems problems)
    {
        if (string.IsNullOrEmpty(client.ClientId))
        {
            problems.Add("clientId is missing");
        }
        else if (client.ClientId.Length > MaxClientIdLength || !client.ClientId.All(c => c > '\x20' && c < '\x7F'))
        {
            problems.Add($"clientId is not printable ASCII without spaces of at most {MaxClientIdLength} characters");
        }
        else if (!idsSeen.Add(client.ClientId))
        {
            problems.Add("clientId appears more than once in the file");
        }

        if (client.ClientSecret is not null && client.ClientSecret.Length < MinSecretLength)
        {
            problems.Add($"clientSecret is shorter than {MinSecretLength} characters (leave it out, or null, for a public client)");
        }

        CheckSecretForm(client, problems);

        TextRules.CheckLength("displayName", client.DisplayName, TextRules.MaxDisplayNameLength, problems);
    }

    private static HashSet<string> CheckGrantTypes(ClientEntry client, EntryProblems problems)
    {
        var grantTypes = new HashSet<string>(StringComparer.Ordinal);
        if (client.GrantTypes.Count == 0)
        {
            problems.Add("grantTypes is empty; name at least one of authorization_code, refresh_token, client_credentials");
        }

        for (var i = 0; i < client.GrantTypes.Count; i++)
        {
            if (client.GrantTypes[i] is { } grantType && ClientDescriptors.KnownGrantTypes.Contains(grantType))
            {
                grantTypes.Add(grantType);
            }
            else
            {
                problems.Add($"grantTypes[{i}] \"{client.GrantTypes[i]}\" is not one of authorization_code, refresh_token, client_credentials");
            }
        }

        if (grantTypes.Contains(GrantTypes.ClientCredentials) && !IsConfidential(client))
        {
            problems.Add("client_credentials needs a clientSecret: a public client cannot authenticate itself");
        }

        if (grantTypes.Contains(GrantTypes.RefreshToken) && !grantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            problems.Add("refresh_token needs authorization_code, the only grant here that issues refresh tokens");
        }

        return grantTypes;
    }

    private static void CheckRedirectUris(ClientEntry client, HashSet<string> grantTypes, EntryProblems problems)
    {
        RedirectUriRules.Check("redirectUris", client.RedirectUris, problems);
        RedirectUriRules.Check("postLogoutRedirectUris", client.PostLogoutRedirectUris, problems);
        var codeFlow = grantTypes.Contains(GrantTypes.AuthorizationCode);
        if (codeFlow && client.RedirectUris.Count == 0)
        {
            problems.Add("authorization_code needs at least one redirectUris entry");
        }

        if (!codeFlow && (client.RedirectUris.Count > 0 || client.PostLogoutRedirectUris.Count > 0))
        {
            problems.Add("redirectUris and postLogoutRedirectUris are only used with authorization_code");
        }
    }

    private static void CheckScopes(ClientEntry client, HashSet<string> grantTypes, IReadOnlySet<string> knownScopes, EntryProblems problems)
    {
        for (var i = 0; i < client.Scopes.Count; i++)
        {
            var scope = client.Scopes[i];
            if (scope is null || !knownScopes.Contains(scope))
            {
                problems.Add($"scopes[{i}] \"{scope}\" is neither a standard scope nor declared in scopes nor in the database");
            }
            else if (scope == Scopes.OfflineAccess && !grantTypes.Contains(GrantTypes.RefreshToken))
            {
                problems.Add($"scopes[{i}] \"offline_access\" needs the refresh_token grant type");
            }
        }
    }

    private static void CheckSecretForm(ClientEntry client, EntryProblems problems)
    {
        if (client.ClientType is not null and not (ClientTypes.Public or ClientTypes.Confidential))
        {
            problems.Add($"clientType \"{client.ClientType}\" is not one of public, confidential");
        }

        if (client.ClientSecret is not null && client.ClientSecretHash is not null)
        {
            problems.Add("clientSecret and clientSecretHash are both given; give one");
        }

        if (client.ClientSecretHash is not null && !IsBase64(client.ClientSecretHash) && !GeneratedSecretHash.IsGeneratedFormat(client.ClientSecretHash))
        {
            problems.Add("clientSecretHash is not a stored secret hash (base64, as export --include-secrets writes it)");
        }

        if (client.ClientType == ClientTypes.Public && (client.ClientSecret is not null || client.ClientSecretHash is not null))
        {
            problems.Add("clientType \"public\" cannot have a secret");
        }
    }

    public static bool IsBase64(string value) =>
        value.Length > 0 && Convert.TryFromBase64String(value, new byte[value.Length], out var written) && written > 0;
}
