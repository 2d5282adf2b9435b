using System.ComponentModel.DataAnnotations;

namespace Identity.DemoClient;

/// <summary>How the demo relying party reaches and identifies itself to the identity server.</summary>
public sealed class DemoClientOptions : IValidatableObject
{
    public const string SectionName = "DemoClient";

    /// <summary>
    /// Base URL of the identity server; discovery is read from
    /// <c>{Authority}.well-known/openid-configuration</c>. Default <c>http://localhost:5000/</c>.
    /// </summary>
    [Required]
    public string Authority { get; set; } = "http://localhost:5000/";

    /// <summary>The <c>client_id</c> registered on the identity server. Default <c>demo</c>.</summary>
    [Required]
    public string ClientId { get; set; } = "demo";

    /// <summary>
    /// The <c>client_secret</c> for a confidential registration. Leave unset for a public client,
    /// which relies on PKCE alone.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Space-separated scopes to request; must include <c>openid</c>.
    /// Default <c>openid profile email phone offline_access api</c>.
    /// </summary>
    [Required]
    public string Scopes { get; set; } = "openid profile email phone offline_access api";

    /// <summary>
    /// Whether discovery and keys must be fetched over HTTPS. When unset it is required unless
    /// <see cref="Authority"/> itself is an <c>http</c> URL, so the local setup works out of the box.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    internal IReadOnlyList<string> ScopeList =>
        Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal bool EffectiveRequireHttpsMetadata =>
        RequireHttpsMetadata ?? !Authority.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttp && authority.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("DemoClient:Authority must be an absolute http or https URL.", [nameof(Authority)]);
        }

        if (!ScopeList.Contains("openid", StringComparer.Ordinal))
        {
            yield return new ValidationResult("DemoClient:Scopes must include openid.", [nameof(Scopes)]);
        }
    }
}
