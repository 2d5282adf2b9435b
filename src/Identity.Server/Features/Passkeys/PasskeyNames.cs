using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>The name a person gives a passkey: required, at most <see cref="PasskeyList.NameMaxLength"/> characters.</summary>
public static class PasskeyNames
{
    /// <summary>Adds a message for <paramref name="field"/> when the name is not valid; true when it is.</summary>
    public static bool Check(string? name, ModelStateDictionary modelState, string field, IStringLocalizer<PasskeysText> text)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            modelState.AddModelError(field, text["Give the passkey a name."]);
            return false;
        }

        if (name.Trim().Length > PasskeyList.NameMaxLength)
        {
            modelState.AddModelError(field, text["Use at most {0} characters for the name.", PasskeyList.NameMaxLength]);
            return false;
        }

        return true;
    }
}
