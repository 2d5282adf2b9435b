namespace Identity.Server.Features.Oidc.Discovery;

public static class DiscoveryCacheExtensions
{
    /// <summary>Answers discovery and JWKS requests from memory; placed before routing, localization and
    /// authentication, which these public documents do not need.</summary>
    public static IApplicationBuilder UseDiscoveryDocumentCache(this IApplicationBuilder app) =>
        app.UseMiddleware<DiscoveryDocumentCache>();
}
