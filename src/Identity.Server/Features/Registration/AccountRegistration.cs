using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Registration;

/// <summary>
/// Creating an account and confirming its address. No answer tells a visitor whether an address
/// already has an account: that owner gets a notice instead of a second account.
/// </summary>
public sealed class AccountRegistration(
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    AccountEmails emails,
    EmailLinks links,
    IEmailSender sender,
    IAuditLog audit,
    TimeProvider time,
    ILogger<AccountRegistration> logger)
{
    public async Task<RegistrationResult> RegisterAsync(NewAccount account, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = account.Email,
            Email = account.Email,
            DisplayName = account.DisplayName,
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
            CreatedAt = time.GetUtcNow(),
        };

        // Password rules first: an answer that depends on the password alone says nothing about the address.
        if (await CheckPasswordRulesAsync(user, account.Password) is { Count: > 0 } broken)
        {
            return Rejected(broken);
        }

        if (await FindAsync(account.Email) is { } existing)
        {
            // Hash anyway, so an address with an account answers as slowly as a new one (no enumeration by timing).
            hasher.HashPassword(user, account.Password);
            return await NotifyOwnerAsync(existing, cancellationToken);
        }

        var created = await users.CreateAsync(user, account.Password);
        if (created.Succeeded)
        {
            var sent = await SendConfirmationAsync(user, account.ReturnUrl, cancellationToken);
            RegistrationLog.Registered(logger, user.Id, sent);
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.Registration, user.Id), cancellationToken);
            return Outcome(sent);
        }

        // Another registration of the same address may have been faster.
        return await FindAsync(account.Email) is { } winner ? await NotifyOwnerAsync(winner, cancellationToken) : Rejected(created.Errors);
    }

    /// <summary>Sends a new confirmation link, only to an account still waiting for one; says nothing either way.</summary>
    public async Task ResendConfirmationAsync(string email, string? returnUrl, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            RegistrationLog.Resent(logger, user.Id, await SendConfirmationAsync(user, returnUrl, cancellationToken));
        }
    }

    public async Task<ConfirmEmailResult> ConfirmAsync(string? userId, string? code)
    {
        var token = EmailLinks.DecodeCode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            RegistrationLog.ConfirmationFailed(logger, user is not null);
            if (user is not null)
            {
                await audit.RecordAsync(AuditRecord.Failed(AuditEventTypes.EmailConfirmation, user.Id).With("reason", "invalid_link"));
            }

            return ConfirmEmailResult.InvalidLink;
        }

        RegistrationLog.Confirmed(logger, user.Id);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.EmailConfirmation, user.Id));
        return ConfirmEmailResult.Confirmed;
    }

    private async Task<EmailSendResult> SendConfirmationAsync(ApplicationUser user, string? returnUrl, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.To("/account/confirm-email", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = EmailLinks.EncodeCode(token),
            ["returnUrl"] = LocalReturnUrl.From(returnUrl),
        });
        return await sender.SendAsync(emails.ConfirmEmail(user, link), cancellationToken);
    }

    /// <summary>The owner of the address is told; an account without one (found by user name) has nobody to tell.</summary>
    private async Task<RegistrationResult> NotifyOwnerAsync(ApplicationUser existing, CancellationToken cancellationToken)
    {
        var notice = existing.Email is null ? EmailSendResult.Sent : await sender.SendAsync(emails.AlreadyRegistered(existing), cancellationToken);
        RegistrationLog.ExistingAccount(logger, existing.Id, notice);
        await audit.RecordAsync(AuditRecord.Failed(AuditEventTypes.Registration, existing.Id).With("reason", "existing_account"), cancellationToken);
        return Outcome(notice);
    }

    private RegistrationResult Rejected(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        RegistrationLog.Rejected(logger, string.Join(' ', list.Select(error => error.Code)));
        return new RegistrationResult.Rejected(list);
    }

    private async Task<List<IdentityError>> CheckPasswordRulesAsync(ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors;
    }

    private async Task<ApplicationUser?> FindAsync(string email) =>
        await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);

    private static RegistrationResult Outcome(EmailSendResult sent) =>
        sent == EmailSendResult.Sent ? new RegistrationResult.EmailSent() : new RegistrationResult.EmailFailed();
}
