namespace Identity.Server.Features.AccountSecurity;

public static class AccountSecurityExtensions
{
    /// <summary>The signed-in user's own security page: account details, password, display name, devices, apps with access.</summary>
    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PasswordChange>();
        builder.Services.AddScoped<SessionRevoker>();
        builder.Services.AddScoped<AppsWithAccess>();
        return builder;
    }
}
