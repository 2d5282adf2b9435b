using System.Buffers.Text;
using System.Security.Cryptography;

namespace Identity.Server.Features.Admin.Clients;

/// <summary>New client secrets: 256 random bits, base64url (43 characters), shown once and stored only as
/// their <see cref="Oidc.ClientAuthentication.GeneratedSecretHash"/>. Long enough that guessing is hopeless,
/// so no rate limit and no slow hash is needed to protect them.</summary>
public static class ClientSecrets
{
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
