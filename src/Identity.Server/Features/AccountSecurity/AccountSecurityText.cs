namespace Identity.Server.Features.AccountSecurity;

/// <summary>Text of the account security pages; Dutch in AccountSecurityText.nl.resx.</summary>
public sealed class AccountSecurityText;
