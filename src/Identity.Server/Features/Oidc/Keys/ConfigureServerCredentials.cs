using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>Hands the ring's keys to OpenIddict. It signs with the newest active one and publishes all of them.</summary>
internal sealed class ConfigureServerCredentials(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        if (!ring.IsLoaded)
        {
            throw new InvalidOperationException("The token keys were not loaded; the server must be prepared before it serves requests.");
        }

        foreach (var certificate in ring.For(KeyUse.Signing))
        {
            options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
        }

        foreach (var certificate in ring.For(KeyUse.Encryption))
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                new X509SecurityKey(certificate), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
