using System.Net;
using Identity.ClusterTests.Infrastructure;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Identity.ClusterTests;

/// <summary>
/// Limits count across the nodes: an attacker spreading requests over the load balancer gets each
/// limit once, not once per node.
/// </summary>
public abstract class SharedLimitsTests(bool postgres) : IAsyncLifetime
{
    private const int TextsPerNumber = 3;
    private const int FormPostsPerMinute = 4;

    private Cluster _cluster = null!;
    private ServerNode _a = null!;
    private ServerNode _b = null!;

    public async Task InitializeAsync()
    {
        _cluster = (await Cluster.CreateAsync(postgres))
            .With("SecondFactors:SendsPerDestinationPerHour", TextsPerNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("RateLimits:AccountFormsPerMinute", FormPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _cluster.ImportAsync(ClusterData.Clients);
        await _cluster.ImportAsync(ClusterData.UsersWithSms(ClusterData.Phone, "one@example.com", "two@example.com", "three@example.com", "four@example.com"));
        _a = await _cluster.StartReadyAsync("A");
        _b = await _cluster.StartReadyAsync("B");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task FourthText_IsRefused_WhenTwoWereSentByEachNodeToOneNumber()
    {
        var pages = new List<BrowserClient.Page>();
        foreach (var (email, node, ip) in new[]
        {
            ("one@example.com", _a, "198.51.100.1"), ("two@example.com", _a, "198.51.100.2"),
            ("three@example.com", _b, "198.51.100.3"), ("four@example.com", _b, "198.51.100.4"),
        })
        {
            var (browser, balancer) = _cluster.Browser(node);
            balancer.ClientIp = ip;
            pages.Add(await browser.SignInAsync(email));
        }

        Assert.Equal(TextsPerNumber, _cluster.Twilio.Requests.Count);
        Assert.Contains("Too many codes were sent", pages[^1].Text, StringComparison.Ordinal);
        Assert.All(pages[..^1], page => Assert.DoesNotContain("Too many codes were sent", page.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormPost_Returns429_WhenTheAddressUsedItsLimitAcrossBothNodes()
    {
        var (browser, balancer) = _cluster.Browser(_a);
        balancer.ClientIp = "192.0.2.77";
        var login = await browser.GetAsync("/account/login");
        var guess = new Dictionary<string, string> { ["Input.Email"] = "one@example.com", ["Input.Password"] = "not the password" };

        foreach (var node in new[] { _a, _a, _b, _b })
        {
            balancer.Target = node;
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(login, guess)).StatusCode);
        }

        balancer.Target = _a;
        var refused = await browser.PostFormAsync(login, guess);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await using var db = _cluster.OpenDatabase();
        Assert.Equal(FormPostsPerMinute, (await db.WindowCounters.SingleAsync(row => row.Key == "account-forms:192.0.2.77")).Count);
    }
}

/// <summary>On one SQLite file.</summary>
public sealed class SharedLimitsOnSqliteTests() : SharedLimitsTests(postgres: false);

/// <summary>On one PostgreSQL database.</summary>
public sealed class SharedLimitsOnPostgresTests() : SharedLimitsTests(postgres: true);
