namespace Identity.Server.Features.SignIn;

/// <summary>Claims the session cookie carries about how and when the user signed in.</summary>
public static class SignInClaimTypes
{
    /// <summary>RFC 8176 authentication method references, one claim per method.</summary>
    public const string AuthenticationMethod = "amr";

    /// <summary>Unix time of the last interactive sign-in (OIDC Core §2 <c>auth_time</c>).</summary>
    public const string AuthenticationTime = "auth_time";
}
