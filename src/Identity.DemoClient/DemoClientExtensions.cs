using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Identity.DemoClient;

public static class DemoClientExtensions
{
    /// <summary>Options, cookie + OpenID Connect authentication and antiforgery for the demo.</summary>
    public static WebApplicationBuilder AddDemoClient(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<DemoClientOptions>()
            .BindConfiguration(DemoClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                // Distinct names so the demo's cookies never collide with the server's when both
                // share a host (localhost in tests, or a browser pointed at the wrong address).
                options.Cookie.Name = "demo.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            })
            .AddOpenIdConnect();

        // Registered as Configure (not PostConfigure) so tests can still override anything here,
        // including BackchannelHttpHandler, with their own Configure added later.
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<DemoClientOptions>>((oidc, demo) => OpenIdConnectSetup.Configure(oidc, demo.Value));

        services.AddAuthorization();
        services.AddAntiforgery(options => options.Cookie.Name = "demo.af");
        return builder;
    }

    /// <summary>Static files, authentication and the demo's endpoints.</summary>
    public static WebApplication UseDemoClient(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDemoClientEndpoints();
        return app;
    }
}
