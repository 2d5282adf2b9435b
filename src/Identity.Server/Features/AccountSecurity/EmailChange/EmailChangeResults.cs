namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>What asking for a new address led to. An address in use by another account answers
/// <see cref="LinkSent"/> too, so the page never tells whether an address has an account.</summary>
public enum EmailChangeRequestResult
{
    LinkSent,
    SameAddress,
    SendFailed,
}

/// <summary>What opening the link sent to the new address led to.</summary>
public enum ConfirmEmailChangeResult
{
    Changed,

    /// <summary>Damaged, expired, already used, or for an address taken meanwhile.</summary>
    InvalidLink,

    /// <summary>The browser is signed in to another account; the link is left unused.</summary>
    OtherAccountSignedIn,
}
