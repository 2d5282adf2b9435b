namespace Identity.Server.Features.PasswordReset;

/// <summary>Text of the password reset pages; Dutch in PasswordResetText.nl.resx.</summary>
public sealed class PasswordResetText;
