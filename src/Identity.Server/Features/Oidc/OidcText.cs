namespace Identity.Server.Features.Oidc;

/// <summary>Text of the consent and sign-out pages; Dutch in OidcText.nl.resx.</summary>
public sealed class OidcText;
