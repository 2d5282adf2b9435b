using Identity.Server.Features.SignIn;

namespace Identity.Server.Features.Passkeys;

/// <summary>The RFC 8176 <c>amr</c> values of a passkey sign-in.</summary>
public static class PasskeyMethods
{
    /// <summary>Proof of possession of a hardware-secured key (RFC 8176 §2): the passkey's private key never leaves the authenticator.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>User presence and verification by the authenticator itself (biometric or PIN; RFC 8176 §2 "user").</summary>
    public const string UserVerification = "user";

    /// <summary>
    /// A passkey alone, with user verification, is two factors: something you have (the key) and something
    /// you are or know (unlocking it), so the session also says <c>mfa</c> (NIST SP 800-63B §5.1.8).
    /// </summary>
    public static IReadOnlyList<string> Passwordless(bool userVerified) => userVerified
        ? [HardwareKey, UserVerification, AuthenticationMethods.MultiFactor]
        : [HardwareKey];

    /// <summary>A passkey as the second step after a password.</summary>
    public static IReadOnlyList<string> AfterPassword(IEnumerable<string> prior) =>
        [.. prior, HardwareKey, AuthenticationMethods.MultiFactor];
}
