namespace Identity.Server.Features.Admin;

/// <summary>The authorization policy of every page under /admin.</summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    /// <summary>Failure reasons <see cref="RequireAdministrator"/> gives, which decide between 403 and signing in again.</summary>
    public const string NotAdministrator = "not an administrator";
    public const string NoSecondFactor = "signed in without a second factor";
    public const string SessionTooOld = "the sign-in is older than Admin:SessionLifetime";
}
