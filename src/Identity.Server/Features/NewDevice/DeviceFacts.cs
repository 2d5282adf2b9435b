namespace Identity.Server.Features.NewDevice;

/// <summary>What a request says about the device: its address and a readable browser and system from the user agent.</summary>
public sealed record DeviceFacts(string? Ip, string? Browser, string? Platform)
{
    public static DeviceFacts From(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return new DeviceFacts(context.Connection.RemoteIpAddress?.ToString(), UserAgents.Browser(agent), UserAgents.Platform(agent));
    }
}
