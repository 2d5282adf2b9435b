using Identity.Server.Features.Oidc;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Passkeys;

public static class PasskeysExtensions
{
    /// <summary>Passkeys through Identity's WebAuthn handler: relying party from the issuer, user verification
    /// and discoverable credentials required, this origin only. Call after <c>AddAccounts</c>.</summary>
    public static WebApplicationBuilder AddPasskeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasskeyOptions>()
            .BindConfiguration(PasskeyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, ValidatePasskeyOptions>();

        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<PasskeyOptions>, IOptions<OidcServerOptions>>((identity, passkeys, oidc) =>
        {
            var origin = PasskeyRelyingParty.SerializedOrigin(PasskeyRelyingParty.OriginOf(passkeys.Value, oidc.Value));
            identity.ServerDomain = PasskeyRelyingParty.DomainOf(passkeys.Value, oidc.Value);
            identity.AuthenticatorTimeout = passkeys.Value.CeremonyTimeout;

            // Required, so a passkey alone counts as two factors (possession plus PIN or biometric).
            identity.UserVerificationRequirement = "required";

            // Discoverable credentials, so the passkey can sign in without typing an email first.
            identity.ResidentKeyRequirement = "required";

            // Only answers made on our own pages, never in a frame of another site (WebAuthn §13.4.9).
            identity.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });

        services.AddScoped<PasskeyCeremony>();
        services.AddScoped<PasskeyUsage>();
        services.AddScoped<PasskeyAuthentication>();
        services.AddScoped<PasskeyRegistration>();
        services.AddScoped<PasskeyList>();
        return builder;
    }
}
