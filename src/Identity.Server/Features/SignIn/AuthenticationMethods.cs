namespace Identity.Server.Features.SignIn;

/// <summary>Authentication method reference values (RFC 8176 §2) the service records.</summary>
public static class AuthenticationMethods
{
    /// <summary>Password.</summary>
    public const string Password = "pwd";

    /// <summary>More than one factor was used.</summary>
    public const string MultiFactor = "mfa";
}
