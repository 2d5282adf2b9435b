using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Tokens;

/// <summary>
/// Access tokens of the client credentials grant get no token row: they are self-contained signed JWTs
/// (RFC 9068) that live <c>Oidc:AccessTokenLifetime</c> (5 minutes). A row would cost a database write
/// on every machine-to-machine request and buys only revocation of a token that expires within minutes;
/// the client's secret can be rotated or the client deleted to stop new ones. Introspection still answers
/// for them (signature, expiry, audience), revocation answers <c>unsupported_token_type</c> (RFC 7009 §2.2.1).
/// Authorization codes, refresh tokens and the access tokens issued to users stay stored, so single use,
/// rotation with reuse detection and "sign out everywhere" keep holding.
/// </summary>
public sealed class KeepClientCredentialsAccessTokensSelfContained : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<KeepClientCredentialsAccessTokensSelfContained>()
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.AccessToken && context.Request?.IsClientCredentialsGrantType() == true)
        {
            context.CreateTokenEntry = false;
        }

        return ValueTask.CompletedTask;
    }
}
