namespace Identity.Server.Features.AccountSecurity;

public static class AccountSecurityExtensions
{
    /// <summary>The signed-in user's own security page: account details, password, display name.</summary>
    public static WebApplicationBuilder AddAccountSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PasswordChange>();
        return builder;
    }
}
