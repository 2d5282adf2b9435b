namespace Identity.Server.Features.AccountSecurity.EmailChange;

public static class EmailChangeExtensions
{
    /// <summary>Confirming and changing the signed-in account's email address (/account/email).</summary>
    public static WebApplicationBuilder AddEmailChange(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EmailChangeMessages>();
        builder.Services.AddScoped<EmailChanges>();
        return builder;
    }
}
