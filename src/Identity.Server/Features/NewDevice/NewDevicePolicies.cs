using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.NewDevice;

/// <summary>The policy in force for a sign-in: the global setting, raised by the client's <c>new_device_policy</c> property.</summary>
public sealed class NewDevicePolicies(IOpenIddictApplicationManager applications, IOptions<NewDeviceOptions> options)
{
    /// <summary>The OpenIddict application property that sets a client's policy: <c>"Off"</c>, <c>"NewDevice"</c> or <c>"Always"</c>.</summary>
    public const string ClientProperty = "new_device_policy";

    /// <summary>
    /// A client may ask for more than the global setting, never less. The client is named by the sign-in
    /// request, which whoever holds the password chooses: letting an <c>Off</c> client lower the bar would
    /// hand them a session for every other page without a code.
    /// </summary>
    public async Task<NewDevicePolicy> ForClientAsync(string? clientId, CancellationToken cancellationToken)
    {
        var global = options.Value.Policy;
        if (clientId is null || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return global;
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var own = properties.TryGetValue(ClientProperty, out var value) && value.ValueKind == JsonValueKind.String
            && Enum.TryParse<NewDevicePolicy>(value.GetString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : global;
        return own > global ? own : global;
    }
}
