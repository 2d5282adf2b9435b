using Identity.Server.Data;
using Identity.Server.Features.Shared;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SignIn;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Core Identity with its cookies, lockout always on, and the sign-in service.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Stores.SchemaVersion = ApplicationDbContext.IdentitySchemaVersion;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.SignIn.RequireConfirmedEmail = accounts.Value.RequireConfirmedEmail;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAccessAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
            identity.Password.RequiredLength = accounts.Value.MinimumPasswordLength;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Harden("identity", builder.Environment);

            // Lax, not Strict: a client sends the user here with a top-level cross-site navigation,
            // and the session must be seen then for single sign-on to work.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.SlidingExpiration = true;
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = accounts.Value.SessionLifetime);
        foreach (var scheme in new[] { IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Harden("identity." + scheme.Split('.').Last().ToLowerInvariant(), builder.Environment);
            });
        }

        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>((validator, accounts) =>
        {
            validator.ValidationInterval = accounts.Value.SessionValidationInterval;

            // Re-validation rebuilds the principal from the store; keep how and when the user signed in.
            validator.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims
                    .Where(claim => claim.Type is SignInClaimTypes.AuthenticationMethod or SignInClaimTypes.AuthenticationTime)
                    .ToList() ?? [];
                var identity = context.NewPrincipal?.Identities.First();
                foreach (var claim in kept.Where(claim => identity?.HasClaim(claim.Type, claim.Value) == false))
                {
                    identity!.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.AddScoped<AccountSignIn>();
        return builder;
    }
}
