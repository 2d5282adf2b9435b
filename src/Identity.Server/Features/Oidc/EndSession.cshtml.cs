using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Identity.Server.Features.Oidc;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). OpenIddict has checked the
/// id_token_hint and that post_logout_redirect_uri is registered for the client; the user confirms,
/// so a link on another site cannot sign them out.
/// </summary>
[AllowAnonymous]
public sealed class EndSessionModel(AccountSignIn accounts, IOpenIddictApplicationManager applications) : PageModel
{
    public string? ClientName { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string?>> RequestParameters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        // Relying parties usually send only the id_token_hint (already validated as ours), whose
        // audience names the client, so the page can say which application asks.
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var clientId = request.ClientId ?? hint.Principal?.GetAudiences().FirstOrDefault();
        if (clientId is not null && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            ClientName = await applications.GetLocalizedDisplayNameAsync(application, cancellationToken);
        }

        RequestParameters = request.GetParameters()
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? confirm)
    {
        if (confirm != "yes")
        {
            return LocalRedirect(ReturnUrls.Default);
        }

        await accounts.SignOutAsync();

        // OpenIddict redirects to the validated post_logout_redirect_uri, with state, or to "/" without one.
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
