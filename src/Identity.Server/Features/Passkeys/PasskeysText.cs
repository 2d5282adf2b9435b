namespace Identity.Server.Features.Passkeys;

/// <summary>Text of the passkey pages; Dutch in PasskeysText.nl.resx.</summary>
public sealed class PasskeysText;
