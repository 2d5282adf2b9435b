using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Identity.ClusterTests.Infrastructure;

namespace Identity.ClusterTests;

/// <summary>
/// A node told to stop (SIGTERM, as an orchestrator or systemd does) while clients keep calling it:
/// it stops taking connections, answers every request it already took in full, and exits cleanly,
/// so a rolling deployment loses no request the load balancer had already handed to it.
/// </summary>
public sealed partial class GracefulShutdownTests : IAsyncLifetime
{
    private const int Clients = 12;

    private Cluster _cluster = null!;
    private ServerNode _node = null!;

    public async Task InitializeAsync()
    {
        _cluster = (await Cluster.CreateAsync())
            .With("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        await _cluster.ImportAsync(ClusterData.Clients);
        _node = await _cluster.StartReadyAsync("A");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Sigterm_AnswersEveryAcceptedRequestAndExitsWithZero_WhenUnderLoad()
    {
        var outcomes = new ConcurrentBag<Outcome>();
        using var stop = new CancellationTokenSource();
        var api = _cluster.Api(_node);
        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => CallUntilRefusedAsync(api, outcomes, stop.Token))).ToList();

        await WaitForAsync(() => outcomes.Count(outcome => outcome == Outcome.Complete) >= Clients * 2);
        _node.Terminate();
        var exitCode = await _node.WaitForExitAsync(TimeSpan.FromSeconds(45));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(exitCode == 0, $"Exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: still running"}:\n{_node.Output}");
        Assert.DoesNotContain(Outcome.Broken, outcomes);

        // What the server took, it finished; and what it finished, the client received whole.
        var started = TokenRequestsStarted().Count(_node.Output);
        var finished = TokenRequestsFinished().Count(_node.Output);
        Assert.Equal(started, finished);
        Assert.Equal(finished, outcomes.Count(outcome => outcome == Outcome.Complete));
    }

    private static async Task CallUntilRefusedAsync(HttpClient api, ConcurrentBag<Outcome> outcomes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var outcome = await CallAsync(api);
            outcomes.Add(outcome);
            if (outcome == Outcome.Refused)
            {
                return;
            }
        }
    }

    private static async Task<Outcome> CallAsync(HttpClient api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = "api",
                ["client_id"] = "service",
                ["client_secret"] = Cluster.ServiceSecret,
            }),
        };

        // A new connection per request: every request is either refused at connect or taken whole.
        request.Headers.ConnectionClose = true;
        HttpResponseMessage response;
        try
        {
            response = await api.SendAsync(request);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError || NoAnswer(exception))
        {
            return Outcome.Refused;
        }

        using (response)
        {
            try
            {
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return response.StatusCode == HttpStatusCode.OK && body.RootElement.TryGetProperty("access_token", out _) ? Outcome.Complete : Outcome.Broken;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException)
            {
                return Outcome.Broken;
            }
        }
    }

    /// <summary>The connection ended before any answer: the node had closed its listener (a connection
    /// still in the kernel's queue is reset). Whether the server had taken the request is checked
    /// against its own log of started requests.</summary>
    private static bool NoAnswer(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.Unknown;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 600 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The load did not get going.");
    }

    [GeneratedRegex(@"Request starting HTTP/1\.1 POST https?://[^/ ]+/connect/token")]
    private static partial Regex TokenRequestsStarted();

    [GeneratedRegex(@"Request finished HTTP/1\.1 POST https?://[^/ ]+/connect/token")]
    private static partial Regex TokenRequestsFinished();

    private enum Outcome
    {
        Complete,
        Refused,
        Broken,
    }
}
