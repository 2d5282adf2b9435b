using Identity.Server.Features.Import;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>
/// The client form. It becomes an import entry (<see cref="ToEntry"/>), so the admin pages, the import
/// and the export describe a client the same way and OpenIddict stores the same permissions.
/// </summary>
public sealed class ClientForm
{
    public string? ClientId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Only when creating: a confidential client gets a secret, a public one (browser, mobile app) none.</summary>
    public bool Confidential { get; set; }

    /// <summary>One URI per line.</summary>
    public string? RedirectUris { get; set; }

    /// <summary>One URI per line.</summary>
    public string? PostLogoutRedirectUris { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    public string Consent { get; set; } = ConsentTypes.Explicit;

    public bool RequireMfa { get; set; }

    /// <summary>Empty follows the service's setting; otherwise a <see cref="NewDevice.NewDevicePolicy"/> name.</summary>
    public string? NewDevicePolicy { get; set; }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ClientEntry ToEntry() => new()
    {
        ClientId = ClientId?.Trim(),
        ClientType = Confidential ? ClientTypes.Confidential : ClientTypes.Public,
        DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
        RedirectUris = [.. Lines(RedirectUris)],
        PostLogoutRedirectUris = [.. Lines(PostLogoutRedirectUris)],
        GrantTypes = [.. GrantTypes.Distinct()],
        Scopes = [.. Scopes.Distinct()],
        Consent = Consent,
        RequireMfa = RequireMfa ? true : null,
        NewDevicePolicy = string.IsNullOrEmpty(NewDevicePolicy) ? null : NewDevicePolicy,
    };

    public static ClientForm From(ClientEntry entry) => new()
    {
        ClientId = entry.ClientId,
        DisplayName = entry.DisplayName,
        Confidential = entry.ClientType == ClientTypes.Confidential,
        RedirectUris = string.Join('\n', entry.RedirectUris),
        PostLogoutRedirectUris = string.Join('\n', entry.PostLogoutRedirectUris),
        GrantTypes = [.. entry.GrantTypes.OfType<string>()],
        Scopes = [.. entry.Scopes.OfType<string>()],
        Consent = entry.Consent ?? ConsentTypes.Explicit,
        RequireMfa = entry.RequireMfa == true,
        NewDevicePolicy = entry.NewDevicePolicy,
    };
}
