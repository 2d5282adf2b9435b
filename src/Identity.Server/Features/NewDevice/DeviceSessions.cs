using System.Globalization;
using System.Security.Claims;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// Binds a session to the known device it was issued on, so the owner can end the sessions of one
/// device (or forget it) from the security page. The session cookie carries the device row and the
/// <see cref="KnownDevice.SessionVersion"/> it was issued under; raising the version or deleting the row
/// ends it at the next request.
/// </summary>
public sealed class DeviceSessions(
    DeviceCookie cookie,
    KnownDevices devices,
    IHttpContextAccessor accessor,
    IOptions<IdentityOptions> identity,
    ILogger<DeviceSessions> logger)
{
    /// <summary>The session claim naming the device: <c>{device id}:{session version}</c>.</summary>
    public const string DeviceClaim = "device_session";

    /// <summary>When a session is issued: ties it to this browser's device, if the account knows it, and notes the visit.</summary>
    public async Task AttachAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var identityOfSession = principal.Identities.First();
        foreach (var stale in identityOfSession.FindAll(DeviceClaim).ToList())
        {
            identityOfSession.RemoveClaim(stale);
        }

        if (UserId(principal) is not { } userId || cookie.Read() is not { } device
            || await devices.FindAsync(userId, device, cancellationToken) is not { } known)
        {
            return;
        }

        identityOfSession.AddClaim(new Claim(DeviceClaim, Value(known)));
        await devices.TouchAsync(known, DeviceFacts.From(accessor.HttpContext!), cancellationToken);
    }

    /// <summary>Whether a session bound to a device is still current (the device not forgotten or signed out).</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(DeviceClaim) is not { } value)
        {
            return true;
        }

        var parts = value.Split(':');
        var current = parts.Length == 2 && UserId(principal) is { } userId && Guid.TryParse(parts[0], out var id)
            && await devices.FindByIdAsync(userId, id, cancellationToken) is { } known && Value(known) == value;
        if (!current)
        {
            NewDeviceLog.DeviceSessionEnded(logger, UserId(principal) ?? "unknown");
        }

        return current;
    }

    /// <summary>The device of a session, for marking "this device" on the security page.</summary>
    public static Guid? DeviceOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DeviceClaim)?.Split(':')[0] is { } id && Guid.TryParse(id, out var device) ? device : null;

    private string? UserId(ClaimsPrincipal principal) => principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);

    private static string Value(KnownDevice known) => known.Id.ToString("N") + ":" + known.SessionVersion.ToString(CultureInfo.InvariantCulture);
}
