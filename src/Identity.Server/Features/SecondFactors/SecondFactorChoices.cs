using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.SecondFactors.Authenticator;
using Identity.Server.Features.SecondFactors.Phone;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SecondFactors;

/// <summary>A method the user can prove now, with the masked destination a code would go to.</summary>
public sealed record SecondFactorChoice(SecondFactorMethod Method, string? MaskedDestination = null);

/// <summary>Which second factors an account has, and which one to ask for first.</summary>
public sealed class SecondFactorChoices(UserManager<ApplicationUser> users, AuthenticatorKeys authenticator)
{
    /// <summary>
    /// For the sign-in step. Codes go only to the primary (confirmed) phone. Email is offered when
    /// there is no phone (the fallback) or when the user chose it: otherwise someone who has both the
    /// password and the mailbox could step around the phone.
    /// </summary>
    public async Task<IReadOnlyList<SecondFactorChoice>> ForSignInAsync(ApplicationUser user)
    {
        var choices = new List<SecondFactorChoice>();
        var hasPhone = user is { PhoneNumber: not null, PhoneNumberConfirmed: true };
        if (hasPhone)
        {
            choices.Add(new(SecondFactorMethod.Sms, PhoneMask.ForDisplay(user.PhoneNumber)));
        }

        if (user is { Email: not null, EmailConfirmed: true } && (!hasPhone || SecondFactorMethods.Parse(user.TwoFactorMethod) == SecondFactorMethod.Email))
        {
            choices.Add(new(SecondFactorMethod.Email, EmailAddressMask.Mask(user.Email)));
        }

        if (await authenticator.HasAuthenticatorAsync(user))
        {
            choices.Add(new(SecondFactorMethod.Authenticator));
        }

        if (await users.CountRecoveryCodesAsync(user) > 0)
        {
            choices.Add(new(SecondFactorMethod.RecoveryCode));
        }

        return choices;
    }

    /// <summary>Methods the user may pick as their default on the settings page.</summary>
    public async Task<IReadOnlyList<SecondFactorMethod>> DefaultCandidatesAsync(ApplicationUser user)
    {
        var methods = new List<SecondFactorMethod>();
        if (user is { PhoneNumber: not null, PhoneNumberConfirmed: true })
        {
            methods.Add(SecondFactorMethod.Sms);
        }

        if (user is { Email: not null, EmailConfirmed: true })
        {
            methods.Add(SecondFactorMethod.Email);
        }

        if (await authenticator.HasAuthenticatorAsync(user))
        {
            methods.Add(SecondFactorMethod.Authenticator);
        }

        return methods;
    }

    /// <summary>The user's chosen method if it is still available, else the first available; recovery codes last.</summary>
    public static SecondFactorMethod? Default(ApplicationUser user, IReadOnlyList<SecondFactorChoice> choices)
    {
        var chosen = SecondFactorMethods.Parse(user.TwoFactorMethod);
        if (chosen is { } method && method != SecondFactorMethod.RecoveryCode && choices.Any(choice => choice.Method == method))
        {
            return method;
        }

        return choices.Select(choice => (SecondFactorMethod?)choice.Method).FirstOrDefault();
    }
}
