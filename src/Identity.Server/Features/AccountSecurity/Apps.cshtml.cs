using System.Globalization;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.AccountSecurity;

/// <summary>"Apps with access": the clients the user granted, what each may see, when it was last used, and revoking one.</summary>
public sealed class AppsModel(UserManager<ApplicationUser> users, AppsWithAccess apps, IStringLocalizer<AccountSecurityText> text) : PageModel
{
    public const string Path = "/account/security/apps";

    public IReadOnlyList<AppAccess> Apps { get; private set; } = [];

    [BindProperty]
    public string? ApplicationId { get; set; }

    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool revoked, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Revoked = revoked;
        Apps = await apps.ListAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // Revocation is filtered by this user as subject: another account's grant cannot be touched.
        if (string.IsNullOrEmpty(ApplicationId) || !await apps.RevokeAsync(user.Id, ApplicationId, cancellationToken))
        {
            return NotFound();
        }

        return LocalRedirect(Path + "?revoked=true");
    }

    public string DescribeScope(string scope) => DescribeScope(scope, text);

    public static string DescribeScope(string scope, IStringLocalizer<AccountSecurityText> text) => scope switch
    {
        OpenIddictConstants.Scopes.OpenId => text["Sign you in"],
        OpenIddictConstants.Scopes.Profile => text["See your name"],
        OpenIddictConstants.Scopes.Email => text["See your email address"],
        OpenIddictConstants.Scopes.Phone => text["See your phone number"],
        OpenIddictConstants.Scopes.Roles => text["See your roles"],
        OpenIddictConstants.Scopes.OfflineAccess => text["Stay connected when you are not using it"],
        _ => text["Use {0}", scope],
    };

    public static string When(DateTimeOffset? moment) =>
        moment is { } value ? value.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC" : "—";
}
