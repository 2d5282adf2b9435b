namespace Identity.Server.Features.Oidc.Endpoints;

public static class OidcEndpointsExtensions
{
    public static IServiceCollection AddOidcEndpoints(this IServiceCollection services)
    {
        services.AddScoped<OidcPrincipalFactory>();
        services.AddScoped<AuthorizationFlow>();
        return services;
    }

    /// <summary>The passthrough endpoints that are not pages. OpenIddict validates each request before it gets here.</summary>
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", TokenEndpoint.ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.GetAsync)
            .AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }
}
