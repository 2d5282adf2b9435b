using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.SecondFactors.Authenticator;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SecondFactors;

public enum SecondFactorCheck
{
    Valid,
    Invalid,
    Expired,
    TooManyAttempts,
    Replayed,
    LockedOut,
}

/// <summary>
/// The one verifier of a second factor at sign-in. Every wrong answer also counts toward the account
/// lockout, as a wrong password does, so an attacker holding the password cannot guess codes forever.
/// </summary>
public sealed class SecondFactorVerifier(
    UserManager<ApplicationUser> users,
    SecurityCodeStore codes,
    AuthenticatorCodes authenticator,
    SecondFactorsMetrics metrics,
    IAuditLog audit,
    ILogger<SecondFactorVerifier> logger)
{
    public async Task<SecondFactorCheck> VerifyAsync(ApplicationUser user, SecondFactorMethod method, string? code, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user))
        {
            SecondFactorsLog.SecondFactorChecked(logger, user.Id, method.Name(), nameof(SecondFactorCheck.LockedOut));
            metrics.Checked(method, SecondFactorCheck.LockedOut);
            await RecordAsync(user, method, SecondFactorCheck.LockedOut, cancellationToken);
            return SecondFactorCheck.LockedOut;
        }

        var result = method switch
        {
            SecondFactorMethod.Sms or SecondFactorMethod.Email => Map((await codes.CheckAsync(user.Id, CodePurposes.SignIn, code, cancellationToken)).Status),
            SecondFactorMethod.Authenticator => Map(await authenticator.CheckAsync(user, code, cancellationToken)),
            _ => await RedeemRecoveryCodeAsync(user, code),
        };

        if (result == SecondFactorCheck.Valid)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                result = SecondFactorCheck.LockedOut;
                await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.Lockout, user.Id).With("reason", "failed_second_factors"), cancellationToken);
            }
        }

        SecondFactorsLog.SecondFactorChecked(logger, user.Id, method.Name(), result.ToString());
        metrics.Checked(method, result);
        await RecordAsync(user, method, result, cancellationToken);
        return result;
    }

    private Task RecordAsync(ApplicationUser user, SecondFactorMethod method, SecondFactorCheck result, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(AuditEventTypes.SecondFactorVerified, result == SecondFactorCheck.Valid ? AuditOutcome.Success : AuditOutcome.Failure)
        {
            SubjectUserId = user.Id,
        }.With("method", method.Name()).With("result", result.ToString()), cancellationToken);

    private async Task<SecondFactorCheck> RedeemRecoveryCodeAsync(ApplicationUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded
            ? SecondFactorCheck.Valid
            : SecondFactorCheck.Invalid;

    private static SecondFactorCheck Map(CodeCheckStatus status) => status switch
    {
        CodeCheckStatus.Valid => SecondFactorCheck.Valid,
        CodeCheckStatus.Expired => SecondFactorCheck.Expired,
        CodeCheckStatus.TooManyAttempts => SecondFactorCheck.TooManyAttempts,
        _ => SecondFactorCheck.Invalid,
    };

    private static SecondFactorCheck Map(AuthenticatorCheck check) => check switch
    {
        AuthenticatorCheck.Valid => SecondFactorCheck.Valid,
        AuthenticatorCheck.Replayed => SecondFactorCheck.Replayed,
        _ => SecondFactorCheck.Invalid,
    };
}
