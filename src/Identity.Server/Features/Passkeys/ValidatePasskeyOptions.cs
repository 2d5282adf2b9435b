using Identity.Server.Features.Oidc;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Passkeys;

/// <summary>
/// Refuses at start a relying-party id that the browser would reject for the origin (WebAuthn §5.1.4:
/// the rp id must be the origin's host or a registrable suffix of it), and a plain-http origin other than localhost.
/// </summary>
public sealed class ValidatePasskeyOptions(IOptions<OidcServerOptions> oidc) : IValidateOptions<PasskeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var origin = PasskeyRelyingParty.OriginOf(options, oidc.Value);
        var domain = PasskeyRelyingParty.DomainOf(options, oidc.Value);
        if (origin.Scheme != Uri.UriSchemeHttps && !(origin.Scheme == Uri.UriSchemeHttp && origin.IsLoopback))
        {
            return ValidateOptionsResult.Fail("Passkeys:Origin must be https (plain http only on localhost).");
        }

        var host = origin.Host;
        return host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Passkeys:ServerDomain '{domain}' must be the host of the origin '{host}' or a parent domain of it.");
    }
}
