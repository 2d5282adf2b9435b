using Identity.Server.Features.Import;
using Microsoft.Extensions.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>
/// Checks the client form with the import's rules (<see cref="ClientRules"/>, <see cref="RedirectUriRules"/>),
/// saying what is wrong in the administrator's language beside the field it concerns. The import's own
/// check runs last, so nothing the import would refuse is ever saved from here.
/// </summary>
public static class ClientFormRules
{
    public static IEnumerable<(string Field, string Message)> Check(
        ClientEntry entry, IReadOnlySet<string> knownScopes, IStringLocalizer<AdminText> text)
    {
        var problems = Localized(entry, knownScopes, text).ToList();
        if (problems.Count == 0)
        {
            var all = new ImportProblems();
            ClientRules.Check(entry, new HashSet<string>(StringComparer.Ordinal), knownScopes, all.For("client"));
            problems.AddRange(all.Problems.Select(problem => (string.Empty, (string)text["The client cannot be saved: {0}", problem.Message])));
        }

        return problems;
    }

    private static IEnumerable<(string Field, string Message)> Localized(ClientEntry entry, IReadOnlySet<string> knownScopes, IStringLocalizer<AdminText> text)
    {
        if (string.IsNullOrEmpty(entry.ClientId) || entry.ClientId.Length > ClientRules.MaxClientIdLength || !entry.ClientId.All(c => c > '\x20' && c < '\x7F'))
        {
            yield return ("Form.ClientId", text["Enter a client ID of printable ASCII characters without spaces, at most {0}.", ClientRules.MaxClientIdLength]);
        }

        if (entry.DisplayName is { Length: > TextRules.MaxDisplayNameLength })
        {
            yield return ("Form.DisplayName", text["Use at most {0} characters.", TextRules.MaxDisplayNameLength]);
        }

        foreach (var (field, uris) in new[] { ("Form.RedirectUris", entry.RedirectUris), ("Form.PostLogoutRedirectUris", entry.PostLogoutRedirectUris) })
        {
            foreach (var uri in uris.Where(uri => RedirectUriRules.Problem(uri) is not null))
            {
                yield return (field, text["{0} cannot be used: use an absolute https URL without a fragment or an iss parameter (plain http only on localhost, 127.0.0.1 or [::1]).", uri!]);
            }
        }

        var grants = entry.GrantTypes.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var code = grants.Contains(GrantTypes.AuthorizationCode);
        if (grants.Count == 0)
        {
            yield return ("Form.GrantTypes", text["Choose at least one grant type."]);
        }

        if (grants.Contains(GrantTypes.ClientCredentials) && !ClientRules.IsConfidential(entry))
        {
            yield return ("Form.GrantTypes", text["Client credentials need a confidential client: a public client cannot keep a secret."]);
        }

        if (grants.Contains(GrantTypes.RefreshToken) && !code)
        {
            yield return ("Form.GrantTypes", text["Refresh tokens need the authorization code grant."]);
        }

        if (code && entry.RedirectUris.Count == 0)
        {
            yield return ("Form.RedirectUris", text["The authorization code grant needs at least one redirect URI."]);
        }

        if (!code && (entry.RedirectUris.Count > 0 || entry.PostLogoutRedirectUris.Count > 0))
        {
            yield return ("Form.RedirectUris", text["Redirect URIs are only used with the authorization code grant."]);
        }

        if (entry.Scopes.Contains(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess) && !grants.Contains(GrantTypes.RefreshToken))
        {
            yield return ("Form.Scopes", text["The offline_access scope needs the refresh token grant."]);
        }

        if (entry.RequireMfa == true && !code)
        {
            yield return ("Form.RequireMfa", text["Requiring two-step verification needs the authorization code grant."]);
        }

        if (!grants.IsSubsetOf(ClientDescriptors.KnownGrantTypes) || entry.Scopes.Any(scope => scope is null || !knownScopes.Contains(scope))
            || !ClientDescriptors.KnownConsentTypes.Contains(entry.Consent ?? string.Empty)
            || (entry.NewDevicePolicy is not null && !ClientDescriptors.KnownNewDevicePolicies.Contains(entry.NewDevicePolicy)))
        {
            yield return (string.Empty, text["Choose grant types, scopes, consent and the new-device check from the lists."]);
        }
    }
}
