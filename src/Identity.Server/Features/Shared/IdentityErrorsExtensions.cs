using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Identity.Server.Features.Shared;

public static class IdentityErrorsExtensions
{
    /// <summary>Shows Identity's (localized) errors beside the field they are about: password rules under the password.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string passwordField, string otherField = "")
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : otherField, error.Description);
        }
    }
}
