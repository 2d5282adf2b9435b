using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;

namespace Identity.DemoClient;

/// <summary>
/// Maps a user info member to claims of the same name, one claim per array element, skipping
/// values the ID token already supplied. The built-in actions either keep arrays as one JSON
/// string or add duplicates, and user info usually repeats what the ID token said.
/// </summary>
internal sealed class DistinctJsonKeyClaimAction(string claimType) : ClaimAction(claimType, ClaimValueTypes.String)
{
    public override void Run(JsonElement userData, ClaimsIdentity identity, string issuer)
    {
        if (!userData.TryGetProperty(ClaimType, out var member))
        {
            return;
        }

        var values = member.ValueKind == JsonValueKind.Array ? member.EnumerateArray().ToList() : [member];
        foreach (var value in values)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                // Raw text keeps booleans as "true", the form the ID token's claims use.
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };

            if (!string.IsNullOrEmpty(text) && !identity.HasClaim(ClaimType, text))
            {
                identity.AddClaim(new Claim(ClaimType, text, ClaimValueTypes.String, issuer));
            }
        }
    }
}
