using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Import;

/// <summary>
/// Creates or updates one client through OpenIddict's application manager, which hashes secrets.
/// The entry is the client's whole definition: what it leaves out (a redirect URI, a scope) the
/// client loses. A stored secret is only ever compared through its hash, or kept when the entry
/// says <c>clientType: confidential</c> without one.
/// </summary>
public sealed class ClientImporter(IOpenIddictApplicationManager applications, ClientSecretHashes hashes)
{
    public async Task<EntryChange> ImportAsync(ClientEntry entry, CancellationToken cancellationToken)
    {
        var desired = ClientDescriptors.From(entry);
        var existing = await applications.FindByClientIdAsync(entry.ClientId!, cancellationToken);
        if (existing is null)
        {
            // A stored hash cannot be handed to the manager, which would hash it again: create with a
            // throwaway secret, then put the hash in its place.
            desired.ClientSecret ??= entry.ClientSecretHash is null ? null : Placeholder();
            var created = await applications.CreateAsync(desired, cancellationToken);
            if (entry.ClientSecretHash is not null)
            {
                await hashes.SetAsync(created, entry.ClientSecretHash, cancellationToken);
            }

            return EntryChange.Created;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        var changes = Differences(current, desired);
        var secretChanged = await SecretChangedAsync(existing, current, entry, desired, cancellationToken);
        if (secretChanged)
        {
            changes.Add("clientSecret");

            // A plain secret here is hashed by UpdateAsync; null makes the client public.
            current.ClientSecret = desired.ClientSecret ?? (entry.ClientSecretHash is null ? null : Placeholder());
        }

        if (changes.Count > 0)
        {
            CopyDefinition(desired, current);
            await applications.UpdateAsync(existing, current, cancellationToken);
        }

        if (secretChanged && entry.ClientSecretHash is not null)
        {
            await hashes.SetAsync(existing, entry.ClientSecretHash, cancellationToken);
        }

        return EntryChange.UpdatedOrUnchanged(changes);
    }

    /// <summary>The fields (by import file name) where the stored client differs from the entry.</summary>
    public static List<string> Differences(OpenIddictApplicationDescriptor current, OpenIddictApplicationDescriptor desired)
    {
        var changes = new List<string>();
        void Compare(string field, bool same)
        {
            if (!same)
            {
                changes.Add(field);
            }
        }

        Compare("displayName", current.DisplayName == desired.DisplayName);
        Compare("clientType", current.ClientType == desired.ClientType);
        Compare("consent", current.ConsentType == desired.ConsentType);
        Compare("redirectUris", SameUris(current.RedirectUris, desired.RedirectUris));
        Compare("postLogoutRedirectUris", SameUris(current.PostLogoutRedirectUris, desired.PostLogoutRedirectUris));
        Compare("permissions", current.Permissions.SetEquals(desired.Permissions));
        Compare("requirements", current.Requirements.SetEquals(desired.Requirements));
        Compare("requireMfa", RequiresMfa(current) == RequiresMfa(desired));
        Compare("newDevicePolicy", NewDevicePolicyOf(current) == NewDevicePolicyOf(desired));
        return changes;
    }

    /// <summary>Makes <paramref name="to"/> what <paramref name="from"/> defines, leaving its id and secret alone.</summary>
    public static void CopyDefinition(OpenIddictApplicationDescriptor from, OpenIddictApplicationDescriptor to)
    {
        to.DisplayName = from.DisplayName;
        to.ClientType = from.ClientType;
        to.ConsentType = from.ConsentType;
        to.RedirectUris.Clear();
        to.RedirectUris.UnionWith(from.RedirectUris);
        to.PostLogoutRedirectUris.Clear();
        to.PostLogoutRedirectUris.UnionWith(from.PostLogoutRedirectUris);
        to.Permissions.Clear();
        to.Permissions.UnionWith(from.Permissions);
        to.Requirements.Clear();
        to.Requirements.UnionWith(from.Requirements);
        foreach (var property in new[] { ClientDescriptors.RequireMfaProperty, ClientDescriptors.NewDevicePolicyProperty })
        {
            to.Properties.Remove(property);
            if (from.Properties.TryGetValue(property, out var value))
            {
                to.Properties[property] = value;
            }
        }
    }

    public static bool RequiresMfa(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Properties.TryGetValue(ClientDescriptors.RequireMfaProperty, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The client's own new-device policy, or null when it follows the service's setting.</summary>
    public static string? NewDevicePolicyOf(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Properties.TryGetValue(ClientDescriptors.NewDevicePolicyProperty, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private async Task<bool> SecretChangedAsync(
        object existing, OpenIddictApplicationDescriptor current, ClientEntry entry, OpenIddictApplicationDescriptor desired, CancellationToken cancellationToken)
    {
        if (entry.ClientSecretHash is not null)
        {
            return !string.Equals(ClientSecretHashes.Get(existing), entry.ClientSecretHash, StringComparison.Ordinal);
        }

        if (desired.ClientSecret is null && desired.ClientType == OpenIddictConstants.ClientTypes.Confidential)
        {
            // Confidential without a secret: keep the stored one (validation made sure there is one).
            return false;
        }

        if (desired.ClientSecret is null || current.ClientSecret is null)
        {
            return desired.ClientSecret != current.ClientSecret;
        }

        // Validate against the stored hash only while the stored client is confidential; OpenIddict
        // refuses to check a public client's secret.
        return current.ClientType != OpenIddictConstants.ClientTypes.Confidential
            || !await applications.ValidateClientSecretAsync(existing, desired.ClientSecret, cancellationToken);
    }

    private static bool SameUris(HashSet<Uri> current, HashSet<Uri> desired) =>
        current.Select(uri => uri.AbsoluteUri).ToHashSet(StringComparer.Ordinal).SetEquals(desired.Select(uri => uri.AbsoluteUri));

    private static string Placeholder() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
