using Identity.Server.Data;
using Identity.Server.Features.NewDevice;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Joins the second factor to signing in: after the password it decides whether a second step is due,
/// and once the factor is proven it issues the session with <c>amr</c> naming both methods and <c>mfa</c>.
/// </summary>
public sealed class SecondFactorSignIn(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountSignIn accounts,
    PendingSignIn pending,
    RequireKnownDevice knownDevice,
    RecordKnownDevice recordDevice,
    IHttpContextAccessor accessor,
    ILogger<SecondFactorSignIn> logger)
{
    public const string ChallengePath = "/account/two-step";

    /// <summary>
    /// Called after a correct password. Null means "sign in now" (two-step verification is off and the
    /// device is known or not checked, or this browser is remembered on a known device); otherwise the page
    /// of the second step, with the waiting sign-in stored. A new device is challenged whether or not the
    /// account has two-step verification: the same codes, delivery and caps.
    /// </summary>
    public async Task<string?> AfterPasswordAsync(ApplicationUser user, string? returnUrl, bool rememberMe, CancellationToken cancellationToken = default)
    {
        var clientId = ReturnUrls.Parameter(returnUrl, OpenIddict.Abstractions.OpenIddictConstants.Parameters.ClientId);
        var device = await knownDevice.AfterPasswordAsync(user, clientId, cancellationToken);
        if (device != DeviceStep.Challenge)
        {
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                return null;
            }

            if (await signIn.IsTwoFactorClientRememberedAsync(user))
            {
                SecondFactorsLog.BrowserRemembered(logger, user.Id);
                return null;
            }
        }

        await pending.StartAsync(user, returnUrl, rememberMe, [AuthenticationMethods.Password]);
        SecondFactorsLog.SecondFactorRequired(logger, user.Id);
        return ChallengePath;
    }

    /// <summary>Finishes a waiting sign-in whose second factor was just proven; the browser becomes a known device.</summary>
    public async Task CompleteAsync(PendingSignInState state, SecondFactorMethod method, bool rememberBrowser, CancellationToken cancellationToken = default)
    {
        await pending.ClearAsync();
        if (rememberBrowser)
        {
            await signIn.RememberTwoFactorClientAsync(state.User);
        }

        await recordDevice.PassedAsync(state.User, state.ReturnUrl, rememberBrowser, cancellationToken);
        await accounts.SignInAsync(state.User, [.. state.PriorMethods, method.Amr(), AuthenticationMethods.MultiFactor], state.RememberMe);
    }

    /// <summary>Adds a factor the signed-in user just proved (while enrolling it) to their session's <c>amr</c>.</summary>
    public Task AddToSessionAsync(ApplicationUser user, SecondFactorMethod method) =>
        RenewSessionAsync(user, method.Amr(), AuthenticationMethods.MultiFactor);

    /// <summary>Re-issues the session with a new sign-in time, keeping its methods and adding <paramref name="methods"/>.</summary>
    public async Task RenewSessionAsync(ApplicationUser user, params string[] methods)
    {
        var session = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var prior = session.Principal?.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value).ToList() ?? [];
        await accounts.SignInAsync(user, [.. prior, .. methods], session.Properties?.IsPersistent == true);
    }

    /// <summary>Starts a second step for a user who is already signed in (a client asked for MFA).</summary>
    public async Task StartStepUpAsync(ApplicationUser user, string returnUrl)
    {
        var session = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var prior = session.Principal?.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value) ?? [];
        await pending.StartAsync(user, returnUrl, session.Properties?.IsPersistent == true, prior);
    }

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
}
