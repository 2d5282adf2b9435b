using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Email;

/// <summary>
/// The email the account pages send, in the recipient's language: their preferred culture, otherwise
/// the language of the page they are on. Some of these go to an address someone else typed in, so
/// they never repeat anything a visitor entered (a display name could carry a phishing line).
/// </summary>
public sealed class AccountEmails(IStringLocalizer<EmailText> text, IOptions<BrandingOptions> branding, EmailLinks links)
{
    private string Product => branding.Value.ProductName;

    public EmailMessage ConfirmEmail(ApplicationUser user, string confirmLink) => Compose(user, () => Content(
        text["Confirm your email address for {0}", Product],
        [text["Thank you for creating an account on {0}. Confirm your email address to finish.", Product]],
        [new EmailAction(text["Confirm email address"], confirmLink)],
        [text["If you did not create an account, you can ignore this email."]]));

    /// <summary>To the owner of an address someone tried to register again.</summary>
    public EmailMessage AlreadyRegistered(ApplicationUser user) => Compose(user, () => Content(
        text["Someone tried to create an account with your email address"],
        [
            text["Someone, perhaps you, tried to create a new {0} account with this email address. You already have an account, so no new account was created.", Product],
            user.EmailConfirmed
                ? text["If that was you, sign in with your existing account, or choose a new password if you forgot it."]
                : text["If that was you, confirm your email address first: ask for a new confirmation email."],
        ],
        user.EmailConfirmed
            ? [new EmailAction(text["Sign in"], links.To("/account/login")), new EmailAction(text["Reset your password"], links.To("/account/forgot-password"))]
            : [new EmailAction(text["Send a new confirmation email"], links.To("/account/resend-confirmation"))],
        [text["If it was not you, you can ignore this email. Nothing has changed in your account."]]));

    public EmailMessage ResetPassword(ApplicationUser user, string resetLink) => Compose(user, () => Content(
        text["Reset your {0} password", Product],
        [text["Someone asked to reset the password of your {0} account. If that was you, choose a new password with this link.", Product]],
        [new EmailAction(text["Choose a new password"], resetLink)],
        [
            text["The link works only once and expires after a while."],
            text["If you did not ask for this, you can ignore this email. Your password stays the same."],
        ]));

    /// <summary>To an account an administrator created: choose a first password, which also confirms the address.</summary>
    public EmailMessage Invitation(ApplicationUser user, string setPasswordLink) => Compose(user, () => Content(
        text["You have been invited to {0}", Product],
        [text["An administrator created a {0} account for this email address. Choose a password to start using it.", Product]],
        [new EmailAction(text["Choose a password"], setPasswordLink)],
        [
            text["The link works only once and expires after a while. If it has expired, ask your administrator for a new one."],
            text["If you did not expect this, you can ignore this email."],
        ]));

    public EmailMessage PasswordChanged(ApplicationUser user) => Compose(user, () => Content(
        text["Your {0} password was changed", Product],
        [
            text["The password of your {0} account was just changed. Other browsers and devices where you were signed in have been signed out.", Product],
            text["If you did not do this, reset your password right away."],
        ],
        [new EmailAction(text["Reset your password"], links.To("/account/forgot-password"))],
        []));

    private EmailContent Content(string subject, string[] paragraphs, EmailAction[] actions, string[] closing) =>
        new(subject, text["Hello,"], paragraphs, actions, closing,
            text["If a link does not work, copy it into your browser:"], text["This email was sent by {0}.", Product]);

    /// <summary>Builds the content with the recipient's culture as the UI culture, then puts the page's back.</summary>
    private EmailMessage Compose(ApplicationUser user, Func<EmailContent> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureFor(user.PreferredCulture) ?? CultureFor(previous.Name) ?? PagesExtensions.SupportedCultures[0];
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return EmailLayout.Render(user.Email!, build(), culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static CultureInfo? CultureFor(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var language = name.Split('-')[0];
        return PagesExtensions.SupportedCultures.FirstOrDefault(culture => string.Equals(culture.Name, language, StringComparison.OrdinalIgnoreCase));
    }
}
