namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>The parameters of the link sent to the new address, as the browser brought them back.</summary>
public sealed record EmailChangeLink(string? UserId, string? Email, string? Code);
