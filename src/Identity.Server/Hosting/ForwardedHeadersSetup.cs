using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Identity.Server.Hosting;

/// <summary>
/// Honours X-Forwarded-For/Proto only from the reverse proxies named in <c>Hosting:KnownProxies</c> or
/// <c>Hosting:KnownNetworks</c>, so a client cannot spoof its address (and escape rate limits or reach
/// <c>/metrics</c>) or pretend to use HTTPS. X-Forwarded-Host is never honoured: the issuer and every
/// link come from <c>Oidc:Issuer</c>, not from what a request says its host is.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddForwardedHeadersFromProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)), "Hosting:KnownProxies must hold IP addresses.")
            .Validate(o => o.KnownNetworks.All(network => NetworkList.TryParseOne(network, out _)), "Hosting:KnownNetworks must hold IP networks in CIDR notation (10.0.0.0/8).")
            .ValidateOnStart();

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((options, hosting) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in hosting.Value.KnownNetworks)
            {
                NetworkList.TryParseOne(network, out var parsed);
                options.KnownIPNetworks.Add(parsed);
            }
        });

        builder.Services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        return builder;
    }

    public static IApplicationBuilder UseForwardedHeadersFromProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
