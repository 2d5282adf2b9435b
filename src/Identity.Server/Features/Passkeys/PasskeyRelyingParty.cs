using Identity.Server.Features.Oidc;

namespace Identity.Server.Features.Passkeys;

/// <summary>The relying-party id and origin, from the passkey settings or else from the issuer.</summary>
public static class PasskeyRelyingParty
{
    public static string DomainOf(PasskeyOptions options, OidcServerOptions oidc) =>
        string.IsNullOrWhiteSpace(options.ServerDomain) ? oidc.Issuer.Host : options.ServerDomain.Trim();

    public static Uri OriginOf(PasskeyOptions options, OidcServerOptions oidc) =>
        new((options.Origin ?? oidc.Issuer).GetLeftPart(UriPartial.Authority));

    /// <summary>The origin as the browser writes it in client data: scheme, host and a port only when not the default.</summary>
    public static string SerializedOrigin(Uri origin) => origin.GetLeftPart(UriPartial.Authority).TrimEnd('/');
}
