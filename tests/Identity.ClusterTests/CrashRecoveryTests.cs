using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Identity.ClusterTests.Infrastructure;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Identity.ClusterTests;

/// <summary>
/// A node killed outright (SIGKILL: power loss, OOM killer) while people register and services get
/// tokens: after a restart on the same database, everything whose request had been answered with
/// success is there — the account, its audit entry, the token.
/// </summary>
public abstract class CrashRecoveryTests(bool postgres) : IAsyncLifetime
{
    private const int Registrants = 4;
    private const int Services = 4;

    private Cluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = (await Cluster.CreateAsync(postgres)).With("Accounts:AllowSelfRegistration", "true");
        await _cluster.ImportAsync(ClusterData.Clients);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AnsweredWrites_Survive_WhenTheNodeIsKilledMidLoad()
    {
        var node = await _cluster.StartReadyAsync("A");
        var registered = new ConcurrentBag<string>();
        var tokens = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, Registrants).Select(worker => Task.Run(() => RegisterUntilStoppedAsync(node, worker, registered, stop.Token)))
            .Concat(Enumerable.Range(0, Services).Select(_ => Task.Run(() => GetTokensUntilStoppedAsync(node, tokens, stop.Token))))
            .ToList();
        for (var attempt = 0; attempt < 600 && (registered.Count < Registrants * 2 || tokens.Count < Services * 2); attempt++)
        {
            await Task.Delay(50);
        }

        node.KillHard();
        await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.NotEmpty(registered);
        Assert.NotEmpty(tokens);

        var restarted = await _cluster.StartReadyAsync("A again");

        await using (var db = _cluster.OpenDatabase())
        {
            var users = await db.Users.Where(user => registered.Contains(user.Email!)).Select(user => new { user.Id, user.Email }).ToListAsync();
            Assert.Equal(registered.Order(StringComparer.Ordinal), users.Select(user => user.Email!).Order(StringComparer.Ordinal));
            var ids = users.Select(user => user.Id).ToList();
            var audited = await db.AuditEvents.Where(entry => entry.EventType == AuditEventTypes.Registration && ids.Contains(entry.SubjectUserId!))
                .Select(entry => entry.SubjectUserId).Distinct().CountAsync();
            Assert.Equal(users.Count, audited);
        }

        var api = _cluster.Api(restarted);
        foreach (var token in tokens)
        {
            Assert.True(await IsActiveAsync(api, token), "A token issued before the crash is unknown after the restart.");
        }
    }

    private async Task RegisterUntilStoppedAsync(ServerNode node, int worker, ConcurrentBag<string> registered, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var email = $"registrant{worker}-{n}@example.com";
            try
            {
                var (browser, _) = _cluster.Browser(node);
                var form = await browser.GetAsync("/account/register");
                var answer = await browser.PostFormAsync(form, new Dictionary<string, string>
                {
                    ["Input.Email"] = email,
                    ["Input.DisplayName"] = string.Empty,
                    ["Input.Password"] = TestData.Password,
                    ["Input.ConfirmPassword"] = TestData.Password,
                });
                if (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.ToString().Contains("check-email", StringComparison.Ordinal) == true)
                {
                    registered.Add(email);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
            {
                return;
            }
        }
    }

    private async Task GetTokensUntilStoppedAsync(ServerNode node, ConcurrentBag<string> tokens, CancellationToken stop)
    {
        var api = _cluster.Api(node);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var answer = await TokenResponse.PostAsync(api, new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["scope"] = "api",
                }.WithClient("service", Cluster.ServiceSecret));
                if (answer.Status == HttpStatusCode.OK)
                {
                    tokens.Add(answer.AccessToken);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException)
            {
                return;
            }
        }
    }

    private static async Task<bool> IsActiveAsync(HttpClient api, string token)
    {
        var answer = await TokenResponse.PostAsync(api, new Dictionary<string, string> { ["token"] = token }.WithClient("service", Cluster.ServiceSecret), "connect/introspect");
        return answer.Body.TryGetProperty("active", out var active) && active.GetBoolean();
    }
}

/// <summary>The default: a SQLite file (WAL).</summary>
public sealed class CrashRecoveryOnSqliteTests() : CrashRecoveryTests(postgres: false);

/// <summary>PostgreSQL.</summary>
public sealed class CrashRecoveryOnPostgresTests() : CrashRecoveryTests(postgres: true);
