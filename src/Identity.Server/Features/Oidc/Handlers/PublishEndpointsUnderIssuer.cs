using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Handlers;

/// <summary>
/// Publishes every endpoint of the discovery document under <c>Oidc:Issuer</c>. OpenIddict builds them from
/// the request's own host, so a Host or X-Forwarded-Host header chosen by a client would otherwise point
/// relying parties (or a cache in front of the server) at another origin: OIDC Discovery §3 and RFC 8414 §3
/// expect the metadata to come from, and name, the issuer.
/// </summary>
public sealed class PublishEndpointsUnderIssuer(IOptions<OidcServerOptions> oidc) : IOpenIddictServerHandler<ApplyConfigurationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
            .UseSingletonHandler<PublishEndpointsUnderIssuer>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (context.BaseUri is not { } requestBase || !string.IsNullOrEmpty(context.Response.Error))
        {
            return default;
        }

        var issuer = oidc.Value.Issuer;
        foreach (var (name, parameter) in context.Response.GetParameters().ToList())
        {
            if (parameter.GetRawValue() is string text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && requestBase.IsBaseOf(uri))
            {
                context.Response.SetParameter(name, new Uri(issuer, requestBase.MakeRelativeUri(uri)).AbsoluteUri);
            }
        }

        return default;
    }
}
