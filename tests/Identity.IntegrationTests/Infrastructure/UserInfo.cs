using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>What the userinfo endpoint (OIDC Core §5.3) says about the holder of an access token.</summary>
public static class UserInfo
{
    public static async Task<JsonElement> GetAsync(HttpClient api, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The <c>role</c> claim as a list, whether it came as one string or an array.</summary>
    public static IReadOnlyList<string> Roles(JsonElement userInfo) =>
        !userInfo.TryGetProperty("role", out var role) ? []
        : role.ValueKind == JsonValueKind.Array ? role.EnumerateArray().Select(value => value.GetString()!).ToList()
        : [role.GetString()!];
}
