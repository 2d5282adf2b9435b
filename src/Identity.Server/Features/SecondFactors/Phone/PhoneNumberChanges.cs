using Identity.Server.Data;
using Identity.Server.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>Saves a proven number as the primary phone, or removes it; the account's email address is told either way.</summary>
public sealed class PhoneNumberChanges(
    UserManager<ApplicationUser> users,
    IEmailSender email,
    SecurityMessages messages,
    TwoStepSettings settings)
{
    public async Task ConfirmAsync(ApplicationUser user, string e164, CancellationToken cancellationToken)
    {
        var changed = !string.Equals(user.PhoneNumber, e164, StringComparison.Ordinal) || !user.PhoneNumberConfirmed;
        user.PhoneNumber = e164;
        user.PhoneNumberConfirmed = true;
        await users.UpdateAsync(user);
        if (changed)
        {
            await settings.ChangedAsync(user, "phone confirmed " + PhoneMask.ForLog(e164), cancellationToken);
            await email.SendAsync(messages.PhoneChangedEmail(user, e164), cancellationToken);
        }
    }

    public async Task RemoveAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await users.SetPhoneNumberAsync(user, null);
        await settings.FactorRemovedAsync(user, SecondFactorMethod.Sms, cancellationToken);
        await settings.ChangedAsync(user, "phone removed", cancellationToken);
        await email.SendAsync(messages.PhoneChangedEmail(user, null), cancellationToken);
    }
}
