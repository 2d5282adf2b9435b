using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Identity.Server.Features.Oidc;

/// <summary>
/// The authorization endpoint (OIDC Core §3.1.2). OpenIddict validates the request first and passes
/// it through; this page signs the user in, asks for consent, or issues the code.
/// </summary>
[AllowAnonymous]
// A client may POST its authorization request (OIDC Core §3.1.2.1); only the consent answer needs
// antiforgery, and that is checked below.
[IgnoreAntiforgeryToken]
public sealed class AuthorizeModel(AuthorizationFlow flow, IAntiforgery antiforgery, IStringLocalizer<OidcText> text) : PageModel
{
    public string ClientName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string?>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => HandleAsync(ConsentDecision.None, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var decision = Request.Form.ContainsKey(ConsentForm.Accept) ? ConsentDecision.Accept
            : Request.Form.ContainsKey(ConsentForm.Deny) ? ConsentDecision.Deny
            : ConsentDecision.None;
        if (decision != ConsentDecision.None && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // A consent answer this site's own form did not post (cross-site request forgery): ignore it.
            decision = ConsentDecision.None;
        }

        return await HandleAsync(decision, cancellationToken);
    }

    public string DescribeScope(string scope) => scope switch
    {
        OpenIddictConstants.Scopes.OpenId => text["Sign you in"],
        OpenIddictConstants.Scopes.Profile => text["See your name"],
        OpenIddictConstants.Scopes.Email => text["See your email address"],
        OpenIddictConstants.Scopes.Phone => text["See your phone number"],
        OpenIddictConstants.Scopes.Roles => text["See your roles"],
        OpenIddictConstants.Scopes.OfflineAccess => text["Stay connected when you are not using it"],
        _ => text["Use {0}", scope],
    };

    private async Task<IActionResult> HandleAsync(ConsentDecision decision, CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

        var outcome = await flow.DecideAsync(HttpContext, request, session.Succeeded ? session.Principal : null,
            hint.Succeeded ? hint.Principal : null, decision, cancellationToken);
        switch (outcome)
        {
            case AuthorizeOutcome.SignIn signIn:
                return Challenge(new AuthenticationProperties { RedirectUri = signIn.ReturnUrl }, IdentityConstants.ApplicationScheme);
            case AuthorizeOutcome.Redirect redirect:
                return LocalRedirect(redirect.LocalUrl);
            case AuthorizeOutcome.Reject reject:
                return OidcErrors.Forbid(reject.Error, reject.Description);
            case AuthorizeOutcome.AskConsent consent:
                ClientName = consent.ClientName;
                Scopes = consent.Scopes;
                RequestParameters = request.GetParameters()
                    .Where(parameter => !ConsentForm.IsFormField(parameter.Key))
                    .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()))
                    .ToList();
                return Page();
            case AuthorizeOutcome.Issue issue:
                return SignIn(issue.Principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            default:
                throw new InvalidOperationException($"Unknown authorization outcome {outcome.GetType().Name}.");
        }
    }
}
