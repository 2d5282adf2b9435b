using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Operations;

/// <summary>
/// The in-process server has no network peer. This sets the connection's remote address from a header
/// before the server's own pipeline runs, as Kestrel would from the socket; without the header the
/// peer is 127.0.0.1.
/// </summary>
public static class PeerAddress
{
    public const string Header = "X-Test-Peer-Address";

    public static IdentityServerFactory WithPeerAddresses(this IdentityServerFactory server)
    {
        var previous = server.ConfigureTestServices;
        server.ConfigureTestServices = services =>
        {
            previous?.Invoke(services);
            services.AddTransient<IStartupFilter, SetPeerAddress>();
        };
        return server;
    }

    public static HttpRequestMessage From(this HttpRequestMessage request, string peer)
    {
        request.Headers.Add(Header, peer);
        return request;
    }

    private sealed class SetPeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var given = context.Request.Headers[Header].ToString();
                context.Connection.RemoteIpAddress = string.IsNullOrEmpty(given) ? IPAddress.Loopback : IPAddress.Parse(given);
                context.Request.Headers.Remove(Header);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
