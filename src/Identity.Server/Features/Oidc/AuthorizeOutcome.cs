using System.Security.Claims;

namespace Identity.Server.Features.Oidc;

/// <summary>What the authorization endpoint does next.</summary>
public abstract record AuthorizeOutcome
{
    /// <summary>Send the user to sign in, then back to <paramref name="ReturnUrl"/>.</summary>
    public sealed record SignIn(string ReturnUrl) : AuthorizeOutcome;

    /// <summary>Send the signed-in user to a page of this site (a second factor), which leads back here.</summary>
    public sealed record Redirect(string LocalUrl) : AuthorizeOutcome;

    /// <summary>Return an OAuth error to the client's (already validated) redirect URI.</summary>
    public sealed record Reject(string Error, string Description) : AuthorizeOutcome;

    /// <summary>Ask the user to approve the client's access.</summary>
    public sealed record AskConsent(string ClientName, IReadOnlyList<string> Scopes) : AuthorizeOutcome;

    /// <summary>Issue the authorization code for this principal.</summary>
    public sealed record Issue(ClaimsPrincipal Principal) : AuthorizeOutcome;
}

/// <summary>The user's answer on the consent form, if this request carries one.</summary>
public enum ConsentDecision
{
    None,
    Accept,
    Deny,
}
