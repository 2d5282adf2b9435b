using System.Globalization;
using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
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

    /// <summary>The password is right, but an administrator chose it: the user must pick their own before any session.</summary>
    MustChangePassword,
}

/// <summary>
/// The one place a session cookie is issued: it records the methods used (RFC 8176 <c>amr</c>) and
/// the sign-in time, which the authorization endpoint turns into ID token claims. Every attempt is audited.
/// </summary>
public sealed class AccountSignIn(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IPasswordHasher<ApplicationUser> hasher,
    IAuditLog audit,
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
            await RecordFailureAsync(null, "unknown_account", ("email", EmailAddressMask.Mask(email)));
            return (PasswordCheckResult.Failed, null);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } when user.MustChangePassword => PasswordCheckResult.MustChangePassword,
            { Succeeded: true } => PasswordCheckResult.Succeeded,
            { IsLockedOut: true } => PasswordCheckResult.LockedOut,
            { IsNotAllowed: true } => PasswordCheckResult.NotAllowed,
            _ => PasswordCheckResult.Failed,
        };
        await RecordAsync(user, outcome, wasLockedOut);
        return (outcome, outcome is PasswordCheckResult.Succeeded or PasswordCheckResult.MustChangePassword ? user : null);
    }

    /// <summary>Issues the session cookie for a user who proved the given methods.</summary>
    public async Task SignInAsync(ApplicationUser user, IEnumerable<string> methods, bool persistent)
    {
        var amr = methods.Distinct().ToList();
        var claims = amr
            .Select(method => new Claim(SignInClaimTypes.AuthenticationMethod, method))
            .Append(new Claim(SignInClaimTypes.AuthenticationTime, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
            .ToList();
        await signIn.SignInWithClaimsAsync(user, persistent, claims);
        SignInLog.SessionIssued(logger, user.Id, string.Join(' ', amr));
        await audit.RecordAsync((AuditRecord.Succeeded(AuditEventTypes.SignIn, user.Id) with { ActorUserId = user.Id })
            .With("amr", string.Join(' ', amr)));
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
        SignInLog.SessionRefreshed(logger, user.Id);
    }

    public async Task SignOutAsync()
    {
        var userId = signIn.Context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        await signIn.SignOutAsync();
        SignInLog.SignedOut(logger, userId);
        if (userId is not null)
        {
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.SignOut, userId));
        }
    }

    private async Task RecordAsync(ApplicationUser user, PasswordCheckResult outcome, bool wasLockedOut)
    {
        switch (outcome)
        {
            case PasswordCheckResult.Succeeded:
                SignInLog.PasswordAccepted(logger, user.Id);
                break;
            case PasswordCheckResult.MustChangePassword:
                SignInLog.PasswordChangeRequired(logger, user.Id);
                await RecordFailureAsync(user.Id, "password_change_required");
                break;
            case PasswordCheckResult.LockedOut when !wasLockedOut:
                SignInLog.LockedOut(logger, user.Id);
                await RecordFailureAsync(user.Id, "wrong_password");
                await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.Lockout, user.Id).With("reason", "failed_sign_ins"));
                break;
            default:
                await RecordFailureAsync(user.Id, outcome switch
                {
                    PasswordCheckResult.LockedOut => "locked_out",
                    PasswordCheckResult.NotAllowed => "email_not_confirmed",
                    _ => "wrong_password",
                });
                break;
        }
    }

    private Task RecordFailureAsync(string? userId, string reason, params (string Key, string Value)[] details)
    {
        SignInLog.PasswordRejected(logger, userId, reason);
        var record = AuditRecord.Failed(AuditEventTypes.SignIn, userId).With("method", AuthenticationMethods.Password).With("reason", reason);
        return audit.RecordAsync(details.Aggregate(record, (current, detail) => current.With(detail.Key, detail.Value)));
    }
}
