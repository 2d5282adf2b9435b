using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>
/// The email of this capability, in the account's language, built from the shared
/// <see cref="EmailContent"/> and <see cref="EmailLayout"/>. None repeats text a visitor typed, and an
/// address is shown only masked where it goes to someone other than its owner.
/// </summary>
public sealed class EmailChangeMessages(IStringLocalizer<EmailChangeText> text, IOptions<BrandingOptions> branding)
{
    private string Product => branding.Value.ProductName;

    /// <summary>To the current, unconfirmed address of the signed-in account.</summary>
    public EmailMessage ConfirmCurrentAddress(ApplicationUser user, string confirmLink) => Compose(user, user.Email!, () => Content(
        text["Confirm your email address for {0}", Product],
        [text["Confirm that this is the email address of your {0} account.", Product]],
        [new EmailAction(text["Confirm email address"], confirmLink)],
        [text["If you did not ask for this, you can ignore this email."]]));

    /// <summary>To the new address: nothing changes until its link is used.</summary>
    public EmailMessage ConfirmNewAddress(ApplicationUser user, string newEmail, string confirmLink) => Compose(user, newEmail, () => Content(
        text["Confirm your new email address for {0}", Product],
        [text["Someone, probably you, asked to use this address for their {0} account. Confirm it to make the change.", Product]],
        [new EmailAction(text["Confirm new email address"], confirmLink)],
        [
            text["The link works only once and expires after a while."],
            text["If you did not ask for this, you can ignore this email. Nothing changes without your confirmation."],
        ]));

    /// <summary>To the owner of an address another account tried to move to; says nothing about that account.</summary>
    public EmailMessage AddressInUse(ApplicationUser owner) => Compose(owner, owner.Email!, () => Content(
        text["Someone tried to use your email address on {0}", Product],
        [text["Someone tried to change the email address of another {0} account to this address. It already belongs to your account, so nothing was changed.", Product]],
        [],
        [text["You do not need to do anything."]]));

    /// <summary>To the old address after a change, with a reset link that still reaches this account.</summary>
    public EmailMessage AddressChanged(ApplicationUser user, string oldEmail, string resetLink) => Compose(user, oldEmail, () => Content(
        text["The email address of your {0} account was changed", Product],
        [
            text["The email address of your {0} account was changed to {1}. From now on, you sign in with that address and account email goes there.", Product, EmailAddressMask.Mask(user.Email)],
            text["If you did not do this, someone else may be using your account. Choose a new password right away with this link."],
        ],
        [new EmailAction(text["Choose a new password"], resetLink)],
        [text["The link works only once and expires after a while."]]));

    private EmailContent Content(string subject, string[] paragraphs, EmailAction[] actions, string[] closing) =>
        new(subject, text["Hello,"], paragraphs, actions, closing,
            text["If a link does not work, copy it into your browser:"], text["This email was sent by {0}.", Product]);

    private static EmailMessage Compose(ApplicationUser user, string to, Func<EmailContent> build)
    {
        using var _ = CultureScope.Use(user.PreferredCulture?.Split('-')[0]);
        return EmailLayout.Render(to, build(), CultureInfo.CurrentUICulture);
    }
}
