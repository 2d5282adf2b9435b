using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Import;

/// <summary>Creates the roles the file's users name that do not exist yet.</summary>
public sealed class RoleImporter(RoleManager<IdentityRole> roles)
{
    /// <returns>The roles it created.</returns>
    public async Task<IReadOnlyList<string>> EnsureAsync(IEnumerable<UserEntry> users)
    {
        var created = new List<string>();
        var names = users.SelectMany(user => user.Roles ?? []).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            var result = await roles.CreateAsync(new IdentityRole(name));
            if (!result.Succeeded)
            {
                throw new ImportFailedException($"role \"{name}\"", string.Join(" ", result.Errors.Select(error => error.Description)));
            }

            created.Add(name);
        }

        return created;
    }
}
