using Identity.Server.Data;

namespace Identity.Server.Features.Passkeys;

/// <summary>What checking a passkey answer said.</summary>
public abstract record PasskeyCheck
{
    private PasskeyCheck()
    {
    }

    /// <summary>The passkey is the user's and the signature is good; <see cref="UserVerified"/> when a PIN or biometric unlocked it.</summary>
    public sealed record Verified(ApplicationUser User, bool UserVerified) : PasskeyCheck;

    /// <summary>The browser sent nothing: the person cancelled, or the prompt timed out or failed.</summary>
    public sealed record Cancelled(string? BrowserError) : PasskeyCheck;

    /// <summary>No ceremony was under way, it expired, or it was already used.</summary>
    public sealed record Expired : PasskeyCheck;

    /// <summary>Unknown credential, bad signature, wrong origin, tampered data, or another user's passkey.</summary>
    public sealed record Rejected : PasskeyCheck;

    /// <summary>The account may not sign in now (locked, or email not confirmed).</summary>
    public sealed record NotAllowed : PasskeyCheck;
}
