using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Server.Features.Oidc.Handlers;

/// <summary>
/// Refuses a code_challenge that cannot be an S256 challenge: the base64url SHA-256 hash of a
/// verifier is always 43 characters (RFC 7636 §4.2). OpenIddict would otherwise issue a code that
/// no verifier can ever redeem, and store whatever the client sent with it.
/// </summary>
public sealed class RejectMalformedCodeChallenge : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    private const int S256ChallengeLength = 43;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<RejectMalformedCodeChallenge>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateProofKeyForCodeExchangeParameters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var challenge = context.Request.CodeChallenge;
        if (challenge is not null && (challenge.Length != S256ChallengeLength || !challenge.All(IsBase64Url)))
        {
            context.Reject(Errors.InvalidRequest, "The 'code_challenge' parameter is not a valid S256 challenge.");
        }

        return default;
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
