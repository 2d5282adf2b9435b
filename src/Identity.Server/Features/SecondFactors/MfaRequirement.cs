using System.Text.Json;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// When a client gets a user only after two-step verification: the client's <c>require_mfa</c>
/// property is true, or the request's <c>acr_values</c> (OIDC Core §3.1.2.1) names <see cref="Acr"/>
/// or the PAPE multi-factor policy URI.
/// </summary>
public static class MfaRequirement
{
    /// <summary>The OpenIddict application property that makes a client require MFA.</summary>
    public const string ClientProperty = "require_mfa";

    /// <summary>The <c>acr</c> value this service defines for "two factors were used".</summary>
    public const string Acr = "mfa";

    /// <summary>The OpenID Provider Authentication Policy Extension's multi-factor policy, accepted as a synonym.</summary>
    public const string PapeMultiFactor = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

    /// <summary>The <c>acr</c> to put in the ID token when MFA is required, or null when it is not.</summary>
    public static async Task<string?> RequiredAcrAsync(
        OpenIddictRequest request, object application, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var requested = request.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (requested.FirstOrDefault(value => value is Acr or PapeMultiFactor) is { } acr)
        {
            return acr;
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return properties.TryGetValue(ClientProperty, out var value) && value.ValueKind == JsonValueKind.True ? Acr : null;
    }
}
