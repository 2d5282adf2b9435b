using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.SignIn;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// After a passed challenge (a new-device code or a second factor): the browser becomes known to the
/// account, and the owner is told when it was new. Runs before the session is issued, so the session is
/// bound to the device (<see cref="DeviceSessions"/>).
/// </summary>
public sealed class RecordKnownDevice(
    NewDevicePolicies policies,
    DeviceCookie cookie,
    KnownDevices devices,
    NewDeviceNotices notices,
    IHttpContextAccessor accessor,
    IAuditLog audit,
    ILogger<RecordKnownDevice> logger)
{
    public async Task PassedAsync(ApplicationUser user, string returnUrl, bool trusted, CancellationToken cancellationToken)
    {
        var clientId = ReturnUrls.Parameter(returnUrl, OpenIddictConstants.Parameters.ClientId);
        if (await policies.ForClientAsync(clientId, cancellationToken) == NewDevicePolicy.Off)
        {
            return;
        }

        var (result, device) = await devices.RecordAsync(user.Id, cookie.Ensure(), DeviceFacts.From(accessor.HttpContext!), trusted, cancellationToken);
        NewDeviceLog.DeviceRecorded(logger, user.Id, result.ToString(), device.Id);
        if (result == DeviceRecordResult.New)
        {
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.NewDevice, user.Id)
                .With("device", device.Id.ToString("N"))
                .With("browser", device.Browser)
                .With("platform", device.Platform), cancellationToken);
            await notices.SendAsync(user, device, cancellationToken);
        }
    }
}
