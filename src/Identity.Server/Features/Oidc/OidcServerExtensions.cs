using Identity.Server.Data;
using Identity.Server.Features.Oidc.ClientAuthentication;
using Identity.Server.Features.Oidc.ClientCatalog;
using Identity.Server.Features.Oidc.Endpoints;
using Identity.Server.Features.Oidc.Handlers;
using Identity.Server.Features.Oidc.Keys;
using Identity.Server.Features.Oidc.Tokens;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Oidc;

public static class OidcServerExtensions
{
    /// <summary>The OpenID Connect server: OpenIddict with its EF Core stores, endpoints, flows and keys.</summary>
    public static WebApplicationBuilder AddOidcServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OidcServerOptions>()
            .BindConfiguration(OidcServerOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => builder.Environment.IsDevelopment() || o.Issuer.Scheme == Uri.UriSchemeHttps,
                "Oidc:Issuer must be an https URL outside the Development environment.")
            .Validate(o => o.Issuer.IsAbsoluteUri && string.IsNullOrEmpty(o.Issuer.Query), "Oidc:Issuer must be an absolute URL without a query.")
            .ValidateOnStart();

        services.AddSigningKeys();
        services.AddClientCatalog();
        services.AddSingleton<IValidateOptions<SigningKeyOptions>, RequireKeysToOutliveRefreshTokens>();

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>();
                options.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, ClientApplicationManager>();
                options.ReplaceScopeManager<OpenIddictEntityFrameworkCoreScope, CachedScopeManager>();
            })
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect");

                options.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                // PKCE for every client, public or confidential (RFC 9700 §2.1.1); only S256 is registered.
                options.RequireProofKeyForCodeExchange();

                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Roles, Scopes.OfflineAccess);
                options.RegisterClaims(
                    Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified,
                    Claims.PhoneNumber, Claims.PhoneNumberVerified, Claims.Role, Claims.AuthenticationTime,
                    Claims.AuthenticationMethodReference, Claims.AuthenticationContextReference, Claims.Locale);

                // Signed, not encrypted, access tokens (RFC 9068), so any JWT bearer validator can read
                // them from the discovery document alone.
                options.DisableAccessTokenEncryption();

                options.AddEventHandler(RejectRepeatedParameters.Descriptor)
                    .AddEventHandler(RejectMalformedMaxAge.Descriptor)
                    .AddEventHandler(RejectMalformedCodeChallenge.Descriptor)
                    .AddEventHandler(RejectInvalidIdTokenHint.Descriptor)
                    .AddEventHandler(KeepClientCredentialsAccessTokensSelfContained.Descriptor);
                options.AddEventHandler(PublishEndpointsUnderIssuer.Descriptor);

                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
            });

        services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<OidcServerOptions>>((server, oidc) =>
            {
                server.Issuer = oidc.Value.Issuer;
                server.AccessTokenLifetime = oidc.Value.AccessTokenLifetime;
                server.IdentityTokenLifetime = oidc.Value.IdentityTokenLifetime;
                server.AuthorizationCodeLifetime = oidc.Value.AuthorizationCodeLifetime;
                server.RefreshTokenLifetime = oidc.Value.RefreshTokenLifetime;
                server.RefreshTokenReuseLeeway = oidc.Value.RefreshTokenReuseLeeway;

                // "plain" PKCE protects nothing once the challenge leaks with the request (RFC 9700 §2.1.1).
                server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            });

        if (builder.Environment.IsDevelopment())
        {
            // Plain HTTP on localhost for a person trying the server; everywhere else OpenIddict refuses it.
            services.Configure<OpenIddictServerAspNetCoreOptions>(options => options.DisableTransportSecurityRequirement = true);
        }

        services.AddOidcEndpoints();
        return builder;
    }

    /// <summary>A retired encryption key must still decrypt the last refresh tokens it protected.</summary>
    private sealed class RequireKeysToOutliveRefreshTokens(IOptions<OidcServerOptions> oidc) : IValidateOptions<SigningKeyOptions>
    {
        public ValidateOptionsResult Validate(string? name, SigningKeyOptions options) =>
            options.RetentionPeriod >= oidc.Value.RefreshTokenLifetime
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("SigningKeys:RetentionPeriod must be at least Oidc:RefreshTokenLifetime.");
    }
}
