using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.DemoClient;

/// <summary>Reads the claims of the ID token saved in the authentication cookie.</summary>
internal static class IdTokenPayload
{
    // No signature check: the handler validated the token before it was stored in the encrypted
    // cookie, and this is only used to display what the server issued.
    public static JsonElement? Read(string? idToken)
    {
        var parts = idToken?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>amr</c> values, whether the server sent an array or a single string.</summary>
    public static IReadOnlyList<string> AuthenticationMethods(JsonElement? payload)
    {
        if (payload is not { } claims || !claims.TryGetProperty("amr", out var amr))
        {
            return [];
        }

        return amr.ValueKind switch
        {
            JsonValueKind.Array => [.. amr.EnumerateArray().Select(v => v.ToString())],
            JsonValueKind.String => [amr.GetString()!],
            _ => [],
        };
    }
}
