using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Identity's refusals on the admin forms, beside the field they concern. Administrators may be
/// told plainly that an address is taken: the page is theirs, not a visitor's.</summary>
public static class UserErrors
{
    public static void Add(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, IStringLocalizer<AdminText> text)
    {
        foreach (var error in errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                    modelState.AddModelError("Input.Email", text["Another account already has this email address."]);
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    modelState.AddModelError("Input.Email", text["Enter a valid email address."]);
                    break;
                case var code when code.StartsWith("Password", StringComparison.Ordinal):
                    modelState.AddModelError("Input.InitialPassword", error.Description);
                    break;
                default:
                    modelState.AddModelError(string.Empty, text["That did not work. Reload the page and try again."]);
                    break;
            }
        }
    }
}
