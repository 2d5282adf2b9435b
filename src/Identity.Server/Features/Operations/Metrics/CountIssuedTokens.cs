using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Operations.Metrics;

/// <summary>
/// Counts successful token responses by grant type. A counter increment only: the token endpoint is on
/// every client's hot path, so nothing here touches the database or allocates per request.
/// </summary>
public sealed class CountIssuedTokens(IdentityMetrics metrics) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<CountIssuedTokens>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Response.Error) && !string.IsNullOrEmpty(context.Response.AccessToken))
        {
            metrics.TokenIssued(context.Request?.GrantType ?? IdentityMetrics.Other);
        }

        return default;
    }
}
