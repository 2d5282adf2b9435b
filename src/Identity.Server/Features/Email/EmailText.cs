namespace Identity.Server.Features.Email;

/// <summary>Text of account email; Dutch in EmailText.nl.resx.</summary>
public sealed class EmailText;
