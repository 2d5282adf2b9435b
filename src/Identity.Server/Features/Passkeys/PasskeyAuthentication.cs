using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Operations.Metrics;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// Signing in with a passkey through Identity's own WebAuthn handler: request options, then the check of
/// the browser's answer (challenge, origin, rp id hash, signature, counter, user verification). This class
/// adds the policy around it: one use per ceremony, the expected user for a second step, lockout and
/// confirmed email, and the stored counter and last use.
/// </summary>
public sealed class PasskeyAuthentication(
    IPasskeyHandler<ApplicationUser> handler,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    PasskeyCeremony ceremony,
    PasskeyUsage usage,
    IHttpContextAccessor accessor,
    IAuditLog audit,
    IdentityMetrics metrics,
    ILogger<PasskeyAuthentication> logger)
{
    /// <summary>Options for <c>navigator.credentials.get()</c>: any passkey of this site when <paramref name="user"/> is null (discoverable), else only theirs.</summary>
    public async Task<string> RequestOptionsAsync(PasskeyCeremonyKind kind, ApplicationUser? user)
    {
        var result = await handler.MakeRequestOptionsAsync(user, Context);
        ceremony.Start(kind, result.AssertionState ?? string.Empty, user?.Id);
        return result.RequestOptionsJson;
    }

    public async Task<PasskeyCheck> VerifyAsync(PasskeyCeremonyKind kind, string? credentialJson, string? browserError, string? expectedUserId)
    {
        var started = await ceremony.TakeAsync(kind);
        if (!string.IsNullOrEmpty(browserError) || string.IsNullOrWhiteSpace(credentialJson))
        {
            return Refuse(kind, new PasskeyCheck.Cancelled(browserError), "no credential from the browser");
        }

        if (started is not { } state)
        {
            return Refuse(kind, new PasskeyCheck.Expired(), "no live ceremony");
        }

        PasskeyAssertionResult<ApplicationUser> result;
        try
        {
            result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
            {
                CredentialJson = credentialJson,
                AssertionState = state.State,
                HttpContext = Context,
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Malformed input the handler did not turn into a failure: still only a refusal, never a 500.
            return Refuse(kind, new PasskeyCheck.Rejected(), exception.GetType().Name);
        }

        if (!result.Succeeded)
        {
            return Refuse(kind, new PasskeyCheck.Rejected(), result.Failure.Message);
        }

        return await AcceptAsync(kind, result.User, result.Passkey, expectedUserId);
    }

    private async Task<PasskeyCheck> AcceptAsync(PasskeyCeremonyKind kind, ApplicationUser user, UserPasskeyInfo passkey, string? expectedUserId)
    {
        if (expectedUserId is not null && user.Id != expectedUserId)
        {
            return Refuse(kind, new PasskeyCheck.Rejected(), "passkey of another account");
        }

        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return Refuse(kind, new PasskeyCheck.NotAllowed(), "account may not sign in");
        }

        // The new signature counter must be stored, or a cloned authenticator would go unnoticed (WebAuthn §6.1.1).
        if (!(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            return Refuse(kind, new PasskeyCheck.Rejected(), "counter not stored");
        }

        await usage.RecordAsync(user, passkey.CredentialId);
        await users.ResetAccessFailedCountAsync(user);
        PasskeysLog.Verified(logger, kind.ToString(), user.Id);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.SecondFactorVerified, user.Id).With("method", "passkey").With("ceremony", kind.ToString()));
        return new PasskeyCheck.Verified(user, passkey.IsUserVerified);
    }

    private PasskeyCheck Refuse(PasskeyCeremonyKind kind, PasskeyCheck check, string reason)
    {
        PasskeysLog.Refused(logger, kind.ToString(), check.GetType().Name, reason);
        if (check is not PasskeyCheck.Cancelled)
        {
            // Successes are counted from the audit log; refusals are only logged, so they are counted here.
            metrics.Challenge("passkey", "failed");
        }

        return check;
    }

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
}
