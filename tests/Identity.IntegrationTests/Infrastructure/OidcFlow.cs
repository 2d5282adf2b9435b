using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>A relying party's side of the code flow with PKCE (RFC 7636), step by step.</summary>
public sealed class OidcFlow(BrowserClient browser, string clientId = "web", string? clientSecret = null, string redirectUri = TestData.ClientRedirectUri)
{
    public string RedirectUri { get; } = redirectUri;

    public string State { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    public string Nonce { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    public string CodeVerifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string CodeChallenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public string AuthorizeUrl(string scope = "openid profile email offline_access api", IDictionary<string, string?>? extra = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            parameters[key] = value;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }

    /// <summary>Starts the flow; returns the page the user lands on (sign-in, consent) or the redirect to the client.</summary>
    public Task<BrowserClient.Page> StartAsync(string scope = "openid profile email offline_access api", IDictionary<string, string?>? extra = null) =>
        browser.GetAsync(AuthorizeUrl(scope, extra));

    /// <summary>Signs in on the sign-in page the flow showed, and returns where that led.</summary>
    public Task<BrowserClient.Page> SignInAsync(BrowserClient.Page loginPage, string email, string password = TestData.Password) =>
        browser.SubmitAsync(loginPage, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The parameters of the final redirect to the client's redirect URI.</summary>
    public static Dictionary<string, string> CallbackParameters(BrowserClient.Page page, string redirectUri = TestData.ClientRedirectUri)
    {
        var location = page.RedirectedTo ?? throw new InvalidOperationException($"Expected a redirect to the client, got {(int)page.Status} at {page.Url}:\n{page.Text}");
        Assert.StartsWith(redirectUri, location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
    }

    /// <summary>Signs in and returns the authorization code, checking state.</summary>
    public async Task<string> GetCodeAsync(string email, string scope = "openid profile email offline_access api", IDictionary<string, string?>? extra = null)
    {
        var page = await StartAsync(scope, extra);
        if (page.RedirectedTo is null)
        {
            page = await SignInAsync(page, email);
        }

        var callback = CallbackParameters(page, RedirectUri);
        Assert.Equal(State, callback["state"]);
        return callback["code"];
    }

    /// <summary>Signs in (if needed), redeems the code and checks that tokens were issued.</summary>
    public async Task<TokenResponse> GetTokensAsync(HttpClient api, string email, string scope = "openid profile email offline_access api", IDictionary<string, string?>? extra = null)
    {
        var tokens = await RedeemAsync(api, await GetCodeAsync(email, scope, extra));
        Assert.True(tokens.Status == System.Net.HttpStatusCode.OK, $"The code was not redeemed: {tokens.Body}");
        return tokens;
    }

    public Task<TokenResponse> RedeemAsync(HttpClient api, string code, string? verifier = null) =>
        TokenResponse.PostAsync(api, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier ?? CodeVerifier,
        }.WithClient(clientId, clientSecret));

    public Task<TokenResponse> RefreshAsync(HttpClient api, string refreshToken) =>
        TokenResponse.PostAsync(api, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }.WithClient(clientId, clientSecret));
}

/// <summary>A token endpoint answer: the status and the JSON body.</summary>
public sealed record TokenResponse(System.Net.HttpStatusCode Status, JsonElement Body)
{
    public string? Get(string name) => Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string AccessToken => Get("access_token") ?? throw new InvalidOperationException($"No access token: {Body}");

    public string IdToken => Get("id_token") ?? throw new InvalidOperationException($"No ID token: {Body}");

    public string RefreshToken => Get("refresh_token") ?? throw new InvalidOperationException($"No refresh token: {Body}");

    public string? Error => Get("error");

    public static async Task<TokenResponse> PostAsync(HttpClient api, IDictionary<string, string> form, string path = "/connect/token")
    {
        var response = await api.PostAsync(path, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TokenResponse(response.StatusCode, body);
    }
}

public static class TokenRequestExtensions
{
    public static Dictionary<string, string> WithClient(this Dictionary<string, string> form, string clientId, string? secret)
    {
        form["client_id"] = clientId;
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        return form;
    }
}
