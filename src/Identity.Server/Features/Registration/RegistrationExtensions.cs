namespace Identity.Server.Features.Registration;

public static class RegistrationExtensions
{
    /// <summary>Self-registration (when Accounts:AllowSelfRegistration is on) and email confirmation.</summary>
    public static WebApplicationBuilder AddRegistration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountRegistration>();
        return builder;
    }
}
