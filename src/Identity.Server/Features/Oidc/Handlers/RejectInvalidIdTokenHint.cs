using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Handlers;

/// <summary>
/// Refuses an end-session request whose id_token_hint this server did not issue. OpenIddict treats
/// the hint as optional and silently drops one that fails validation, but RP-Initiated Logout 1.0 §2
/// says the OP MUST validate that it issued the token: a forged or foreign hint is a broken or hostile
/// client, and gets the error page rather than a sign-out prompt that seems to come from the client.
/// </summary>
public sealed class RejectInvalidIdTokenHint : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseSingletonHandler<RejectInvalidIdTokenHint>()
            .SetOrder(OpenIddictServerHandlers.Session.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.IdTokenHint) && context.IdentityTokenHintPrincipal is null)
        {
            context.Reject(
                error: OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidRequest,
                description: "The id_token_hint was not issued by this server.");
        }

        return default;
    }
}
