using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Handlers;

/// <summary>
/// Refuses an authorization request that repeats a parameter (RFC 6749 §3.1 and §4.1.2.1:
/// invalid_request). OpenIddict keeps repeated values as an array, which it then reads as absent:
/// a repeated state came back as no state at all, and a repeated scope was quietly merged.
/// </summary>
public sealed class RejectRepeatedParameters : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<RejectRepeatedParameters>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateRequestParameter.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var repeated = context.Request.GetParameters()
            .FirstOrDefault(parameter => parameter.Value.Count > 1).Key;
        if (repeated is not null)
        {
            context.Reject(Errors.InvalidRequest, $"The '{repeated}' parameter must not be repeated.");
        }

        return default;
    }
}
