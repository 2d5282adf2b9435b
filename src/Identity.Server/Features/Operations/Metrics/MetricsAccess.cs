using Identity.Server.Hosting;

namespace Identity.Server.Features.Operations.Metrics;

/// <summary>Who may read <c>/metrics</c>: clients whose address is in Metrics:AllowedNetworks.</summary>
public sealed class MetricsAccess(NetworkList allowed)
{
    public bool Allows(HttpContext context) => allowed.Contains(context.Connection.RemoteIpAddress);
}
