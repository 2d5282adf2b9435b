using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Bench;

/// <summary>
/// Interactive sign-ins as a browser does them: authorize, the sign-in form, the authenticator code the
/// new-device check and two-step verification ask for, consent if shown, the redirect with the code, and
/// the code redeemed at the token endpoint. Each sign-in uses a fresh browser and the next user, so no
/// authenticator code is ever reused (the server refuses replays).
/// </summary>
public static class SignInLoad
{
    private static int _nextUser;

    public static async Task<int> RunAsync(Arguments args)
    {
        var (server, secrets) = (new Uri(args.Get("server")), await BenchSecrets.ReadAsync(args.Get("secrets")));
        var concurrency = args.Int("concurrency", 8);
        _nextUser = args.Int("first-user", 0);
        var times = new StepTimes { Recording = false };
        var completed = 0;
        var errors = 0;
        var firstError = (string?)null;
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var http = CreateHttp(server);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await SignInOnceAsync(http, server, secrets, NextUser(secrets), times);
                    if (times.Recording)
                    {
                        Interlocked.Increment(ref completed);
                    }
                }
                catch (OutOfUsersException exception)
                {
                    // Every further sign-in would fail at once: stop this browser rather than count a flood of errors.
                    firstError ??= exception.Message;
                    return;
                }
                catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    firstError ??= exception.Message;
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(args.Int("warmup", 5)));
        Interlocked.Exchange(ref completed, 0);
        Interlocked.Exchange(ref errors, 0);
        times.Recording = true;
        int? serverPid = args.Get("server-pid", "") is { Length: > 0 } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null;
        var cpuBefore = ProcessCpu.Milliseconds(serverPid);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(args.Int("duration", 20)));
        times.Recording = false;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var done = Volatile.Read(ref completed);
        var cpuPerSignIn = ProcessCpu.Milliseconds(serverPid) - cpuBefore is { } cpu && done > 0 ? cpu / done : (double?)null;
        stop.Cancel();
        await Task.WhenAll(workers);

        var steps = times.Medians();
        var result = new
        {
            name = "interactive_signins",
            concurrency,
            signins_per_second = done / elapsed,
            completed = done,
            errors,
            first_error = firstError,
            server_cpu_ms_per_signin = cpuPerSignIn,
            steps_median_ms = steps.ToDictionary(step => step.Key, step => Math.Round(step.Value.MedianMs, 2)),
        };
        Console.WriteLine($"Interactive sign-ins: {done / elapsed:F1}/s at {concurrency} users ({done} in {elapsed:F0} s, {errors} errors{(firstError is null ? "" : ": " + firstError)}), server CPU {cpuPerSignIn:F1} ms per sign-in");
        foreach (var (step, (median, count)) in steps)
        {
            Console.WriteLine($"  {step,-40} median {median,8:F2} ms  ({count} requests)");
        }

        await File.WriteAllTextAsync(args.Get("out"), JsonSerializer.Serialize(result));
        return errors > 0 && done == 0 ? 1 : 0;
    }

    /// <summary>Signs users in until there are <c>--count</c> refresh tokens, one a line, for the refresh benchmark.</summary>
    public static async Task<int> SeedRefreshTokensAsync(Arguments args)
    {
        var (server, secrets) = (new Uri(args.Get("server")), await BenchSecrets.ReadAsync(args.Get("secrets")));
        _nextUser = args.Int("first-user", 0);
        var count = args.Int("count", 64);
        var tokens = new System.Collections.Concurrent.ConcurrentBag<string>();
        var times = new StepTimes { Recording = false };
        var remaining = count;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var http = CreateHttp(server);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                tokens.Add(await SignInOnceAsync(http, server, secrets, NextUser(secrets), times));
            }
        })));

        await File.WriteAllLinesAsync(args.Get("out"), tokens);
        Console.WriteLine($"Signed {count} users in for refresh tokens; next free user: {_nextUser}");
        return 0;
    }

    /// <returns>The refresh token the sign-in ended with.</returns>
    public static async Task<string> SignInOnceAsync(HttpClient http, Uri server, BenchSecrets secrets, BenchUser user, StepTimes times)
    {
        var browser = new Browser(http, times);
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var url = new Uri(server, QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = secrets.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = secrets.RedirectUri,
            ["scope"] = "openid profile offline_access api",
            ["state"] = state,
            ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        }));

        var code = await WalkToCodeAsync(browser, url, secrets, user);
        var token = await browser.SendAsync("POST /connect/token (code)", new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/connect/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = secrets.RedirectUri,
                ["code_verifier"] = verifier,
                ["client_id"] = secrets.ClientId,
                ["client_secret"] = secrets.ClientSecret,
            }),
        });
        var body = await token.Content.ReadAsStringAsync();
        if (token.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token endpoint answered {(int)token.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("refresh_token").GetString()!;
    }

    /// <summary>Follows the server's pages until it redirects to the client with a code.</summary>
    private static async Task<string> WalkToCodeAsync(Browser browser, Uri url, BenchSecrets secrets, BenchUser user)
    {
        var signedIn = false;
        var response = await browser.GetAsync("GET /connect/authorize", url);
        for (var hop = 0; hop < 12; hop++)
        {
            if (Browser.IsRedirect(response))
            {
                url = new Uri(url, response.Headers.Location!);
                if (url.AbsoluteUri.StartsWith(secrets.RedirectUri, StringComparison.Ordinal))
                {
                    var query = QueryHelpers.ParseQuery(url.Query);
                    return query.TryGetValue("code", out var code)
                        ? code.ToString()
                        : throw new InvalidOperationException($"The client got an error: {url.Query}");
                }

                var step = "GET " + url.AbsolutePath + (signedIn && url.AbsolutePath == "/connect/authorize" ? " (signed in)" : "");
                response = await browser.GetAsync(step, url);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url.AbsolutePath} answered {(int)response.StatusCode}");
            }

            if (html.Contains("name=\"Input.Password\"", StringComparison.Ordinal))
            {
                response = await browser.SubmitAsync("POST password", url, html, "form.form",
                    new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = secrets.Password });
            }
            else if (html.Contains("class=\"verify", StringComparison.Ordinal) || html.Contains("class=\"form verify", StringComparison.Ordinal))
            {
                signedIn = true;
                response = await browser.SubmitAsync("POST authenticator code", url, html, "form.verify",
                    new Dictionary<string, string> { ["Code"] = Totp.Code(user.AuthenticatorKey, DateTimeOffset.UtcNow) });
            }
            else if (html.Contains("name=\"submit.Accept\"", StringComparison.Ordinal))
            {
                response = await browser.SubmitAsync("POST consent", url, html, "form", new Dictionary<string, string> { ["submit.Accept"] = "1" });
            }
            else
            {
                throw new InvalidOperationException($"Unexpected page at {url.AbsolutePath}: {TitleOf(html)}");
            }
        }

        throw new InvalidOperationException("Too many redirects before the code.");
    }

    private static string TitleOf(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.Ordinal);
        var end = html.IndexOf("</title>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[(start + 7)..end] : "(no title)";
    }

    private static BenchUser NextUser(BenchSecrets secrets)
    {
        var index = Interlocked.Increment(ref _nextUser) - 1;
        return index < secrets.Users.Count
            ? secrets.Users[index]
            : throw new OutOfUsersException();
    }

    private static HttpClient CreateHttp(Uri server) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(60),
        };
}

/// <summary>Every imported user has signed in once; reusing one within 30 seconds would replay its authenticator code.</summary>
public sealed class OutOfUsersException() : Exception("Out of users: import more (BENCH_USERS) or sign in for a shorter time.");
