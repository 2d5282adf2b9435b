using System.Globalization;
using System.Security.Claims;
using Identity.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SignIn;

/// <summary>What a password check said, without saying whether the account exists.</summary>
public enum PasswordCheckResult
{
    Succeeded,
    Failed,
    LockedOut,
    NotAllowed,
}

/// <summary>
/// The one place a session cookie is issued: it records the methods used (RFC 8176 <c>amr</c>) and
/// the sign-in time, which the authorization endpoint turns into ID token claims.
/// </summary>
public sealed class AccountSignIn(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IPasswordHasher<ApplicationUser> hasher,
    TimeProvider time,
    ILogger<AccountSignIn> logger)
{
    private static readonly ApplicationUser TimingDecoy = new() { Id = "decoy", UserName = "decoy" };

    /// <summary>Checks an email and password; lockout counts every failure.</summary>
    public async Task<(PasswordCheckResult Result, ApplicationUser? User)> CheckPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password (no enumeration by timing).
            hasher.HashPassword(TimingDecoy, password);
            logger.LogInformation("Password sign-in failed: unknown account");
            return (PasswordCheckResult.Failed, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } => PasswordCheckResult.Succeeded,
            { IsLockedOut: true } => PasswordCheckResult.LockedOut,
            { IsNotAllowed: true } => PasswordCheckResult.NotAllowed,
            _ => PasswordCheckResult.Failed,
        };
        logger.LogInformation("Password sign-in for {UserId}: {Outcome}", user.Id, outcome);
        return (outcome, outcome == PasswordCheckResult.Succeeded ? user : null);
    }

    /// <summary>Issues the session cookie for a user who proved the given methods.</summary>
    public async Task SignInAsync(ApplicationUser user, IEnumerable<string> methods, bool persistent)
    {
        var claims = methods.Distinct()
            .Select(method => new Claim(SignInClaimTypes.AuthenticationMethod, method))
            .Append(new Claim(SignInClaimTypes.AuthenticationTime, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
            .ToList();
        await signIn.SignInWithClaimsAsync(user, persistent, claims);
        logger.LogInformation("Signed in {UserId} with {Methods}", user.Id, string.Join(' ', methods));
    }

    /// <summary>
    /// Reissues the session cookie after the account changed (a new password, so a new security stamp),
    /// keeping how and when the user signed in; the sessions of other browsers end at their next check.
    /// </summary>
    public async Task RefreshAsync(ApplicationUser user)
    {
        var session = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = session.Principal?.Claims
            .Where(claim => claim.Type is SignInClaimTypes.AuthenticationMethod or SignInClaimTypes.AuthenticationTime)
            .Select(claim => new Claim(claim.Type, claim.Value))
            .ToList() ?? [];
        await signIn.SignInWithClaimsAsync(user, session.Properties, kept);
        logger.LogInformation("Session of {UserId} refreshed after an account change", user.Id);
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}
