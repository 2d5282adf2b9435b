using System.Net;
using System.Net.Sockets;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>A TCP port nothing listens on right now, for a server the browser can reach.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
