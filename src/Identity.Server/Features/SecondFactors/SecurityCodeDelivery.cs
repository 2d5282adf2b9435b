using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Identity.Server.Features.SecondFactors.Codes;
using Identity.Server.Features.SecondFactors.Phone;
using Identity.Server.Features.SecondFactors.Sms;

namespace Identity.Server.Features.SecondFactors;

/// <summary>Issues a code within the throttling rules and delivers it by text or email.</summary>
public sealed class SecurityCodeDelivery(
    SecurityCodeStore codes,
    ISmsSender sms,
    IEmailSender email,
    SecurityMessages messages,
    SecondFactorsMetrics metrics,
    IAuditLog audit,
    ILogger<SecurityCodeDelivery> logger)
{
    /// <summary>A sign-in code to the primary phone or, for <see cref="SecondFactorMethod.Email"/>, the confirmed email address.</summary>
    public async Task<CodeSendResult> SendSignInCodeAsync(ApplicationUser user, SecondFactorMethod method, string? clientIp, CancellationToken cancellationToken)
    {
        if (method == SecondFactorMethod.Sms && user is { PhoneNumber: { } phone, PhoneNumberConfirmed: true })
        {
            var to = new MobileNumber(phone);
            var issue = await codes.IssueAsync(new CodeRequest(user.Id, CodePurposes.SignIn, "sms", phone, clientIp), cancellationToken);
            return await DeliverAsync(user, "sms", issue, PhoneMask.ForDisplay(phone),
                issued => sms.SendAsync(messages.SignInCodeText(user, to, issued.Code.Value), cancellationToken));
        }

        if (method == SecondFactorMethod.Email && user is { Email: { } address, EmailConfirmed: true })
        {
            var issue = await codes.IssueAsync(new CodeRequest(user.Id, CodePurposes.SignIn, "email", address.ToLowerInvariant(), clientIp), cancellationToken);
            return await DeliverAsync(user, "email", issue, EmailAddressMask.Mask(address),
                async issued => await email.SendAsync(messages.SignInCodeEmail(user, issued.Code.Value), cancellationToken) == EmailSendResult.Sent
                    ? SmsSendResult.Sent
                    : SmsSendResult.Failed);
        }

        return new CodeSendResult(CodeSendOutcome.NoDestination);
    }

    /// <summary>A code and a one-tap link that confirm a new number; the number is not saved until then.</summary>
    public async Task<CodeSendResult> SendPhoneVerificationAsync(ApplicationUser user, MobileNumber number, string? clientIp, CancellationToken cancellationToken)
    {
        var issue = await codes.IssueAsync(
            new CodeRequest(user.Id, CodePurposes.VerifyPhone, "sms", number.E164, clientIp, WithLink: true), cancellationToken);
        return await DeliverAsync(user, "sms", issue, PhoneMask.ForDisplay(number.E164), issued =>
        {
            var link = new Uri(messages.Issuer, $"account/security/phone/confirm?id={issued.Id:N}&token={issued.LinkToken}");
            return sms.SendAsync(messages.PhoneVerificationText(user, number, issued.Code.Value, link), cancellationToken);
        });
    }

    private async Task<CodeSendResult> DeliverAsync(
        ApplicationUser user, string channel, CodeIssue issue, string masked, Func<CodeIssue.Issued, Task<SmsSendResult>> send)
    {
        var result = issue switch
        {
            CodeIssue.CoolingDown cooling => new CodeSendResult(CodeSendOutcome.CoolingDown, masked, cooling.Wait),
            CodeIssue.Capped => new CodeSendResult(CodeSendOutcome.Capped, masked),
            _ => (await send((CodeIssue.Issued)issue)) switch
            {
                SmsSendResult.Sent => new CodeSendResult(CodeSendOutcome.Sent, masked),
                SmsSendResult.InvalidNumber => new CodeSendResult(CodeSendOutcome.InvalidNumber, masked),
                SmsSendResult.Unsubscribed => new CodeSendResult(CodeSendOutcome.Unsubscribed, masked),
                _ => new CodeSendResult(CodeSendOutcome.Failed, masked),
            },
        };

        SecondFactorsLog.CodeRequested(logger, user.Id, channel, result.Outcome.ToString());
        metrics.CodeRequested(channel, result.Outcome);
        await audit.RecordAsync(new AuditRecord(AuditEventTypes.SecondFactorSent, result.Outcome == CodeSendOutcome.Sent ? AuditOutcome.Success : AuditOutcome.Failure)
        {
            SubjectUserId = user.Id,
        }.With("channel", channel).With("outcome", result.Outcome.ToString()));
        return result;
    }
}
