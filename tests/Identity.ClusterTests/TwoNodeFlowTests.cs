using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Identity.ClusterTests.Infrastructure;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Identity.ClusterTests;

/// <summary>
/// Two nodes on one database behind a load balancer that sends each step of a sign-in and of a
/// client's token life to the other node: nothing a step needs may live in one node's memory.
/// </summary>
public abstract class TwoNodeFlowTests(bool postgres) : IAsyncLifetime
{
    private const string Email = "traveller@example.com";

    private Cluster _cluster = null!;
    private ServerNode _a = null!;
    private ServerNode _b = null!;

    public async Task InitializeAsync()
    {
        _cluster = await Cluster.CreateAsync(postgres);
        await _cluster.ImportAsync(ClusterData.Clients);
        await _cluster.ImportAsync(ClusterData.UsersWithSms(ClusterData.Phone, Email));
        _a = await _cluster.StartReadyAsync("A");
        _b = await _cluster.StartReadyAsync("B");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SignInAndTokens_Work_WhenEveryStepLandsOnTheOtherNode()
    {
        var (browser, balancer) = _cluster.Browser(_a);
        var flow = new OidcFlow(browser);

        // Password on A, which texts the code.
        var challenge = await flow.SignInAsync(await flow.StartAsync(), Email);
        Assert.Contains("form", challenge.Html, StringComparison.Ordinal);
        var code = _cluster.Twilio.LastCode(ClusterData.Phone);

        // The code on B, which finishes the authorization request A started.
        balancer.Target = _b;
        var callback = OidcFlow.CallbackParameters(await browser.SubmitAsync(challenge, new Dictionary<string, string> { ["Code"] = code }, formSelector: "form.verify"));
        Assert.Equal(flow.State, callback["state"]);

        var tokens = await flow.RedeemAsync(_cluster.Api(_a), callback["code"]);
        Assert.True(tokens.Status == HttpStatusCode.OK, $"Redeeming on A failed: {tokens.Body}");

        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var claims = await _cluster.Api(_b).SendAsync(userInfo);
        Assert.Equal(HttpStatusCode.OK, claims.StatusCode);
        Assert.Equal(Email, JsonDocument.Parse(await claims.Content.ReadAsStringAsync()).RootElement.GetProperty("email").GetString());

        var refreshed = await flow.RefreshAsync(_cluster.Api(_b), tokens.RefreshToken);
        Assert.True(refreshed.Status == HttpStatusCode.OK, $"Refreshing on B failed: {refreshed.Body}");

        using var revoked = await _cluster.Api(_a).PostAsync("connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshed.RefreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = "web",
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var afterRevocation = await flow.RefreshAsync(_cluster.Api(_b), refreshed.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, afterRevocation.Status);
        Assert.Equal("invalid_grant", afterRevocation.Error);

        // And it all went through the one database the test set up.
        await using var db = _cluster.OpenDatabase();
        Assert.True(await db.Users.AnyAsync(user => user.Email == Email));
    }

    [Fact]
    public async Task Jwks_IsTheSame_WhenReadFromEitherNode()
    {
        var fromA = await _cluster.Api(_a).GetStringAsync(".well-known/jwks");
        var fromB = await _cluster.Api(_b).GetStringAsync(".well-known/jwks");

        Assert.Equal(KeyIds(fromA), KeyIds(fromB));
        Assert.NotEmpty(KeyIds(fromA));
    }

    internal static IReadOnlyList<string> KeyIds(string jwks) =>
        [.. JsonDocument.Parse(jwks).RootElement.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!).Order(StringComparer.Ordinal)];
}

/// <summary>Both nodes on one SQLite file (one machine, two processes).</summary>
public sealed class TwoNodeFlowOnSqliteTests() : TwoNodeFlowTests(postgres: false);

/// <summary>Both nodes on one PostgreSQL database, as in production.</summary>
public sealed class TwoNodeFlowOnPostgresTests() : TwoNodeFlowTests(postgres: true);
