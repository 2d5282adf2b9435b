using System.Globalization;
using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.NewDevice;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc;

/// <summary>
/// The authorization endpoint's decision, as an ordered list of named checks — signed in, fresh
/// enough, second factor when required, known device when the client's policy asks, consented — each either passing or asking for something
/// (node-oidc-provider's interaction policy). OpenIddict has already validated the client, redirect URI, scopes and PKCE.
/// </summary>
public sealed class AuthorizationFlow(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    OidcPrincipalFactory principals,
    RequireKnownDevice knownDevice,
    TimeProvider time)
{
    public async Task<AuthorizeOutcome> DecideAsync(
        HttpContext context,
        OpenIddictRequest request,
        ClaimsPrincipal? session,
        ClaimsPrincipal? idTokenHint,
        ConsentDecision decision,
        CancellationToken cancellationToken)
    {
        var user = session is null ? null : await users.GetUserAsync(session);
        if (user is not null && (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user)))
        {
            user = null;
        }

        if (RequireSignedInUser(request, user, idTokenHint) is { } signInFirst)
        {
            return signInFirst;
        }

        if (RequireFreshSignIn(request, session!) is { } reauthenticate)
        {
            return reauthenticate;
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict validated a client that no longer exists.");
        var requiredAcr = await MfaRequirement.RequiredAcrAsync(request, application, applications, cancellationToken);
        if (RequireSecondFactor(request, session!, requiredAcr) is { } secondFactor)
        {
            return secondFactor;
        }

        if (await RequireKnownDeviceAsync(request, session!, cancellationToken) is { } device)
        {
            return device;
        }

        var subject = await users.GetUserIdAsync(user!);
        var clientId = (await applications.GetIdAsync(application, cancellationToken))!;
        var scopes = request.GetScopes();
        var existing = await authorizations.FindAsync(subject, clientId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);

        if (await RequireConsentAsync(request, application, existing, decision, cancellationToken) is { } consent)
        {
            return consent;
        }

        var principal = await principals.CreateAsync(user!, scopes, session!, cancellationToken);
        var acr = requiredAcr ?? (SecondFactorMethods.IsMultiFactor(session!.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value))
            ? MfaRequirement.Acr
            : null);
        if (acr is not null)
        {
            principal.SetClaim(Claims.AuthenticationContextReference, acr).SetDestinations(ClaimDestinations.For);
        }

        existing ??= await authorizations.CreateAsync(principal, subject, clientId, AuthorizationTypes.Permanent, scopes, cancellationToken);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(existing, cancellationToken));
        return new AuthorizeOutcome.Issue(principal);
    }

    private AuthorizeOutcome? RequireSignedInUser(OpenIddictRequest request, ApplicationUser? user, ClaimsPrincipal? idTokenHint)
    {
        var hintedSomeoneElse = user is not null && idTokenHint?.GetClaim(Claims.Subject) is { } hinted && hinted != user.Id;
        if (user is not null && !hintedSomeoneElse)
        {
            return null;
        }

        return request.HasPromptValue(PromptValues.None)
            ? new AuthorizeOutcome.Reject(Errors.LoginRequired, "The user is not signed in.")
            : new AuthorizeOutcome.SignIn(ReturnUrl(request, dropLoginPrompt: false));
    }

    private AuthorizeOutcome? RequireFreshSignIn(OpenIddictRequest request, ClaimsPrincipal session)
    {
        var authTime = long.TryParse(session.FindFirst(SignInClaimTypes.AuthenticationTime)?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        var tooOld = request.MaxAge is { } maxAge && time.GetUtcNow() - authTime > TimeSpan.FromSeconds(maxAge);
        if (!request.HasPromptValue(PromptValues.Login) && !tooOld)
        {
            return null;
        }

        return request.HasPromptValue(PromptValues.None)
            ? new AuthorizeOutcome.Reject(Errors.LoginRequired, "The user must sign in again.")
            : new AuthorizeOutcome.SignIn(ReturnUrl(request, dropLoginPrompt: true));
    }

    /// <summary>
    /// A client that requires MFA gets a user only when the session's <c>amr</c> says <c>mfa</c>;
    /// otherwise the user proves a second factor now (step-up), or sets one up first if they have none.
    /// </summary>
    private static AuthorizeOutcome? RequireSecondFactor(OpenIddictRequest request, ClaimsPrincipal session, string? requiredAcr)
    {
        if (requiredAcr is null || SecondFactorMethods.IsMultiFactor(session.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value)))
        {
            return null;
        }

        return request.HasPromptValue(PromptValues.None)
            ? new AuthorizeOutcome.Reject(Errors.InteractionRequired, "The client requires two-step verification.")
            : new AuthorizeOutcome.Redirect(StepUpModel.For(ReturnUrl(request, dropLoginPrompt: false)));
    }

    /// <summary>
    /// A session issued under a weaker device policy than this client's (or before a setting changed) gets
    /// no code until the user passes a one-time code on this browser.
    /// </summary>
    private async Task<AuthorizeOutcome?> RequireKnownDeviceAsync(OpenIddictRequest request, ClaimsPrincipal session, CancellationToken cancellationToken)
    {
        if (!await knownDevice.SessionNeedsChallengeAsync(session, request.ClientId!, cancellationToken))
        {
            return null;
        }

        return request.HasPromptValue(PromptValues.None)
            ? new AuthorizeOutcome.Reject(Errors.InteractionRequired, "The client requires a confirmed device.")
            : new AuthorizeOutcome.Redirect(DeviceStepUpModel.For(ReturnUrl(request, dropLoginPrompt: false)));
    }

    private async Task<AuthorizeOutcome?> RequireConsentAsync(
        OpenIddictRequest request, object application, object? existing, ConsentDecision decision, CancellationToken cancellationToken)
    {
        var consentType = await applications.GetConsentTypeAsync(application, cancellationToken);
        var mustAsk = consentType switch
        {
            ConsentTypes.Implicit => request.HasPromptValue(PromptValues.Consent),
            ConsentTypes.External => false,
            _ => existing is null || request.HasPromptValue(PromptValues.Consent),
        };

        if (consentType == ConsentTypes.External && existing is null)
        {
            return new AuthorizeOutcome.Reject(Errors.ConsentRequired, "An administrator has not granted this application access for this user.");
        }

        if (!mustAsk || decision == ConsentDecision.Accept)
        {
            return null;
        }

        if (decision == ConsentDecision.Deny)
        {
            return new AuthorizeOutcome.Reject(Errors.AccessDenied, "The user denied the application access.");
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return new AuthorizeOutcome.Reject(Errors.ConsentRequired, "The user has not granted this application access.");
        }

        var name = await applications.GetLocalizedDisplayNameAsync(application, cancellationToken) ?? request.ClientId!;
        return new AuthorizeOutcome.AskConsent(name, [.. request.GetScopes()]);
    }

    /// <summary>
    /// The authorization request to come back to after signing in. prompt=login and max_age are
    /// dropped from it once the user is sent to sign in, or they would be sent again and again
    /// (the new auth_time still tells the client when that was).
    /// </summary>
    private static string ReturnUrl(OpenIddictRequest request, bool dropLoginPrompt)
    {
        var parameters = request.GetParameters()
            .Where(parameter => !ConsentForm.IsFormField(parameter.Key))
            .Where(parameter => !dropLoginPrompt || parameter.Key != Parameters.MaxAge)
            .Select(parameter => parameter.Key == Parameters.Prompt && dropLoginPrompt
                ? KeyValuePair.Create(parameter.Key, (string?)string.Join(' ', request.GetPromptValues().Remove(PromptValues.Login)))
                : KeyValuePair.Create(parameter.Key, (string?)parameter.Value.ToString()))
            .Where(parameter => !string.IsNullOrEmpty(parameter.Value));
        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }
}
