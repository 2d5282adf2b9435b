using System.Globalization;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Handlers;

/// <summary>
/// Refuses a max_age that is not a whole number of seconds, zero or more (OIDC Core §3.1.2.1).
/// OpenIddict reads an unparseable value as absent, so a client's freshness requirement would have
/// been silently dropped and an old session accepted.
/// </summary>
public sealed class RejectMalformedMaxAge : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<RejectMalformedMaxAge>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidatePromptParameter.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var value = (string?)context.Request.GetParameter(Parameters.MaxAge);
        if (value is not null && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            context.Reject(Errors.InvalidRequest, "The 'max_age' parameter must be a number of seconds, zero or more.");
        }

        return default;
    }
}
