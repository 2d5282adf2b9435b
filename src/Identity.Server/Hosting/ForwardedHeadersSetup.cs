using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Identity.Server.Hosting;

/// <summary>
/// Honours X-Forwarded-For/Proto only from the reverse proxies named in <c>Hosting:KnownProxies</c>,
/// so a client cannot spoof its address (and escape rate limits) or pretend to use HTTPS.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddForwardedHeadersFromProxies(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy, out var address))
                {
                    throw new InvalidOperationException($"Hosting:KnownProxies contains '{proxy}', which is not an IP address.");
                }

                options.KnownProxies.Add(address);
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseForwardedHeadersFromProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
