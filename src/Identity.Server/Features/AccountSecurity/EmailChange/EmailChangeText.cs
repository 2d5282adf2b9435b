namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>Text of the email address pages and their email; Dutch in EmailChangeText.nl.resx.</summary>
public sealed class EmailChangeText;
