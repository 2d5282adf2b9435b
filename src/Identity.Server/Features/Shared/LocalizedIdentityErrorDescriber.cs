using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Shared;

/// <summary>
/// Identity's error messages in the page's language, for the errors a person can cause. None of them
/// repeats an email address or user name, so showing one never confirms that an account exists.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Localize(base.DefaultError(), "Something went wrong. Please try again.");

    public override IdentityError ConcurrencyFailure() =>
        Localize(base.ConcurrencyFailure(), "Your account was changed at the same time. Please try again.");

    public override IdentityError PasswordMismatch() => Localize(base.PasswordMismatch(), "The password is incorrect.");

    public override IdentityError InvalidToken() => Localize(base.InvalidToken(), "This link is invalid or has expired.");

    public override IdentityError InvalidUserName(string? userName) =>
        Localize(base.InvalidUserName(userName), "This email address cannot be used for an account.");

    public override IdentityError InvalidEmail(string? email) => Localize(base.InvalidEmail(email), "Enter a valid email address.");

    public override IdentityError DuplicateUserName(string userName) =>
        Localize(base.DuplicateUserName(userName), "This email address cannot be used for an account.");

    public override IdentityError DuplicateEmail(string email) =>
        Localize(base.DuplicateEmail(email), "This email address cannot be used for an account.");

    public override IdentityError PasswordTooShort(int length) =>
        Localize(base.PasswordTooShort(length), "Use at least {0} characters for your password.", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Localize(base.PasswordRequiresUniqueChars(uniqueChars), "Use at least {0} different characters in your password.", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Localize(base.PasswordRequiresNonAlphanumeric(), "Use at least one character that is not a letter or digit.");

    public override IdentityError PasswordRequiresDigit() => Localize(base.PasswordRequiresDigit(), "Use at least one digit.");

    public override IdentityError PasswordRequiresLower() => Localize(base.PasswordRequiresLower(), "Use at least one lowercase letter.");

    public override IdentityError PasswordRequiresUpper() => Localize(base.PasswordRequiresUpper(), "Use at least one uppercase letter.");

    private IdentityError Localize(IdentityError error, string key, params object[] arguments) =>
        new() { Code = error.Code, Description = text[key, arguments] };
}
