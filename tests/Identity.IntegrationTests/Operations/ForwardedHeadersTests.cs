using System.Net;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Operations;

/// <summary>
/// X-Forwarded-For/Proto are honoured from Hosting:KnownProxies and Hosting:KnownNetworks only: the client
/// address the audit log and rate limits see, and the scheme OpenIddict's HTTPS rule sees. The issuer never
/// follows the request's host.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string ProxyNetworkMember = "172.20.3.4";
    private const string Client = "198.51.100.7";
    private readonly IdentityServerFactory _server = new IdentityServerFactory()
        .With("Hosting:KnownProxies:0", Proxy)
        .With("Hosting:KnownNetworks:0", "172.20.0.0/16")
        .With("RateLimits:AccountFormsPerMinute", "2")
        .WithPeerAddresses();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(Proxy)]
    [InlineData(ProxyNetworkMember)]
    public async Task SignIn_AuditsForwardedClientAddress_WhenRequestComesThroughKnownProxy(string proxy)
    {
        var email = await FailSignInAsync(proxy, forwardedFor: Client);

        Assert.Equal(Client, await AuditedAddressAsync(email));
    }

    [Fact]
    public async Task SignIn_AuditsPeerAddress_WhenForwardedHeaderComesFromUnknownAddress()
    {
        var email = await FailSignInAsync("203.0.113.50", forwardedFor: Client);

        Assert.Equal("203.0.113.50", await AuditedAddressAsync(email));
    }

    [Fact]
    public async Task SignIn_LimitsEachForwardedClientSeparately_WhenRequestsComeThroughKnownProxy()
    {
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(Proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(Proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(Proxy, "198.51.100.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInStatusAsync(Proxy, "198.51.100.1"));
    }

    [Fact]
    public async Task SignIn_LimitsByPeer_WhenUnknownAddressSendsChangingForwardedFor()
    {
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync("203.0.113.60", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync("203.0.113.60", "198.51.100.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInStatusAsync("203.0.113.60", "198.51.100.3"));
    }

    [Fact]
    public async Task Discovery_IsServed_WhenKnownProxyForwardsHttps()
    {
        var response = await PlainHttpClient().SendAsync(Discovery(Proxy, proto: "https"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_RequiresHttps_WhenUnknownAddressClaimsHttps()
    {
        var response = await PlainHttpClient().SendAsync(Discovery("203.0.113.50", proto: "https"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_KeepsConfiguredIssuer_WhenHostAndForwardedHostSaySomethingElse()
    {
        var request = Discovery(Proxy, proto: "https");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var response = await PlainHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(IdentityServerFactory.Issuer.ToString(), document.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(IdentityServerFactory.Issuer, "connect/token").ToString(), document.GetProperty("token_endpoint").GetString());
        Assert.DoesNotContain("evil.example", document.ToString(), StringComparison.Ordinal);
    }

    private HttpClient PlainHttpClient() =>
        _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost/") });

    private static HttpRequestMessage Discovery(string peer, string proto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration").From(peer);
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", Client);
        return request;
    }

    /// <summary>A wrong password for an unknown address, through the real sign-in form; returns the address used.</summary>
    private async Task<string> FailSignInAsync(string peer, string forwardedFor)
    {
        var email = $"nobody@{Guid.NewGuid():N}.example";
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(peer, forwardedFor, email));
        return email;
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string peer, string forwardedFor, string email = "nobody@example.com")
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var login = await browser.GetAsync("/account/login");
        var response = await browser.PostFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        return response.StatusCode;
    }

    /// <summary>The address stored with the failed sign-in; the audit keeps the masked email, whose domain is unique here.</summary>
    private Task<string?> AuditedAddressAsync(string email) =>
        _server.WithScopeAsync(async services =>
        {
            var marker = email.Split('@')[1];
            var events = await services.GetRequiredService<ApplicationDbContext>().AuditEvents.AsNoTracking()
                .Where(e => e.EventType == "sign_in").Select(e => new { e.Details, e.IpAddress }).ToListAsync();
            return events.Single(e => e.Details != null && e.Details.Contains(marker, StringComparison.Ordinal)).IpAddress;
        });
}
