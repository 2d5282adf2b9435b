using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Import;

/// <summary>Checks imported passwords against the same Identity password validators sign-up uses,
/// and reports Identity's own messages.</summary>
public sealed class ImportPasswordRules(UserManager<ApplicationUser> users)
{
    public async Task CheckAsync(IReadOnlyList<UserEntry?> entries, ImportProblems problems)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { Password: { Length: > 0 } password } entry)
            {
                continue;
            }

            var problemsOfEntry = problems.For(EntryLabels.User(i, entry));
            var user = new ApplicationUser { UserName = entry.Email, Email = entry.Email };
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
                {
                    problemsOfEntry.Add($"password: {error.Description}");
                }
            }
        }
    }
}
