using Identity.Server.Features.SignIn;

namespace Identity.Server.Features.SecondFactors;

/// <summary>A way to prove the second factor.</summary>
public enum SecondFactorMethod
{
    Sms,
    Email,
    Authenticator,
    RecoveryCode,
}

/// <summary>The names stored on the account and used in URLs, and the RFC 8176 <c>amr</c> value of each method.</summary>
public static class SecondFactorMethods
{
    /// <summary>
    /// RFC 8176 has no value for a pre-generated recovery code (its <c>otp</c> names HOTP/TOTP), so
    /// a recovery sign-in says <c>rec</c> beside <c>mfa</c>: a client may treat it as weaker.
    /// </summary>
    public const string RecoveryCodeAmr = "rec";

    public static string Name(this SecondFactorMethod method) => method switch
    {
        SecondFactorMethod.Sms => "sms",
        SecondFactorMethod.Email => "email",
        SecondFactorMethod.Authenticator => "authenticator",
        _ => "recovery",
    };

    public static SecondFactorMethod? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "sms" => SecondFactorMethod.Sms,
        "email" => SecondFactorMethod.Email,
        "authenticator" => SecondFactorMethod.Authenticator,
        "recovery" => SecondFactorMethod.RecoveryCode,
        _ => null,
    };

    /// <summary>RFC 8176 §2: <c>sms</c> for a texted code, <c>otp</c> for authenticator (RFC 6238) and emailed codes.</summary>
    public static string Amr(this SecondFactorMethod method) => method switch
    {
        SecondFactorMethod.Sms => "sms",
        SecondFactorMethod.Email or SecondFactorMethod.Authenticator => "otp",
        _ => RecoveryCodeAmr,
    };

    /// <summary>Whether a session's methods include a second factor.</summary>
    public static bool IsMultiFactor(IEnumerable<string> amr) => amr.Contains(AuthenticationMethods.MultiFactor);
}
