namespace Identity.Server.Features.Email;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IEmailSender, OutboxEmailSender>();
        return builder;
    }
}
