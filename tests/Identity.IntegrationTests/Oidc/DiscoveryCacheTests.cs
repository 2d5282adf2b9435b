using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Oidc.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Identity.IntegrationTests.Oidc;

/// <summary>
/// Discovery and JWKS (OIDC Discovery §4, OIDC Core §10.1.1) are answered from memory, and a key ring
/// change shows at once: relying parties must see a successor key before it signs.
/// </summary>
public sealed class DiscoveryCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IdentityServerFactory _server = new();

    public Task InitializeAsync()
    {
        _server.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(_time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetKeySet_PublishesNewKey_WhenKeysRotateAfterItWasServed()
    {
        var api = _server.CreateApiClient();
        var before = await SigningKeyIdsAsync(api);
        Assert.Equal(before, await SigningKeyIdsAsync(api));

        // Within the prepublish period of the default 90-day rotation: the successor is created and published.
        _time.Advance(TimeSpan.FromDays(89));
        await _server.Services.GetRequiredService<KeyRotationService>().RefreshAsync(CancellationToken.None);

        var after = await SigningKeyIdsAsync(api);
        Assert.Superset(before, after);
        Assert.Equal(before.Count + 1, after.Count);
    }

    [Fact]
    public async Task GetConfiguration_ReturnsSameDocumentWithHeaders_WhenServedTwice()
    {
        var api = _server.CreateApiClient();

        using var first = await api.GetAsync("/.well-known/openid-configuration");
        using var second = await api.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("\"jwks_uri\"", await second.Content.ReadAsStringAsync());
    }

    private static async Task<HashSet<string>> SigningKeyIdsAsync(HttpClient api) =>
        [.. new JsonWebKeySet(await api.GetStringAsync("/.well-known/jwks")).Keys.Where(key => key.Use == "sig").Select(key => key.Kid)];
}
