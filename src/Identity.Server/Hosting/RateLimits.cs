using System.Globalization;
using System.Threading.RateLimiting;
using Identity.Server.Data.Coordination;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Identity.Server.Hosting;

/// <summary>
/// Fixed-window limits per client IP on account and setup form posts (password guessing) and the token
/// endpoints (client secret guessing).
/// </summary>
/// <remarks>
/// Account and setup form posts are counted in the database (<see cref="WindowCounters"/>), so an
/// attacker spreading guesses over the nodes behind a load balancer gets the limit once, not once per
/// node. The token, revocation and introspection limit stays in each node's memory on purpose: it
/// protects that node's CPU, client secrets are not guessable, and a database write per token request
/// would halve the token endpoint's throughput. It is one global limiter, because OpenIddict answers
/// those endpoints before endpoint routing would apply a named policy.
/// </remarks>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/connect/token") || path.StartsWithSegments("/connect/revoke") || path.StartsWithSegments("/connect/introspect"))
        {
            return Window("token:" + ip, limits.TokenRequestsPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("none");
    }

    /// <summary>The limits, in order: the shared account-form counter, then the per-node token limiter.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) =>
        app.Use(LimitAccountFormsAsync).UseRateLimiter();

    private static async Task LimitAccountFormsAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsPost(context.Request.Method) || !(path.StartsWithSegments("/account") || path.StartsWithSegments("/setup")))
        {
            await next(context);
            return;
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var permit = await context.RequestServices.GetRequiredService<WindowCounters>()
            .TryTakeAsync("account-forms:" + ip, TimeSpan.FromMinutes(1), limits.AccountFormsPerMinute, context.RequestAborted);
        if (permit.Granted)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = RetryAfterSeconds(permit.RetryAfter);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(TooManyAttempts, context.RequestAborted);
    }

    private const string TooManyAttempts = "Too many attempts from this address. Wait a minute and try again.";

    private static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);

        if (rejected.HttpContext.Request.Path.StartsWithSegments("/connect"))
        {
            await response.WriteAsJsonAsync(
                new Dictionary<string, string>
                {
                    ["error"] = "temporarily_unavailable",
                    ["error_description"] = "Too many requests from this address; retry later.",
                },
                cancellationToken);
            return;
        }

        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(TooManyAttempts, cancellationToken);
    }
}
