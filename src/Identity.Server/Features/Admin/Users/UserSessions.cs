using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Audit;
using Identity.Server.Features.NewDevice;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// An administrator ending a user's access, with the same services the user has on their security page:
/// everything at once (<see cref="SessionRevoker"/>: a new security stamp ends browser sessions at their
/// next check, and every OpenIddict token and authorization is revoked), one client's access
/// (<see cref="AppsWithAccess"/>), or one device's sessions (<see cref="KnownDevices"/>).
/// </summary>
public sealed class UserSessions(
    SessionRevoker revoker,
    AppsWithAccess apps,
    KnownDevices devices,
    IOpenIddictApplicationManager applications,
    IAuditLog audit)
{
    public async Task<AdminActionResult> EndAllAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Never keepThisSession: that would reissue the administrator's own browser session as this user.
        await revoker.RevokeAsync(user, RevocationReason.AdministratorEndedSessions, keepThisSession: false, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminSessionsRevoked, user.Id), cancellationToken);
        return AdminActionResult.Done;
    }

    public async Task<AdminActionResult> RevokeAppAsync(ApplicationUser user, string applicationId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByIdAsync(applicationId, cancellationToken);
        if (application is null || !await apps.RevokeAsync(user.Id, applicationId, cancellationToken))
        {
            return AdminActionResult.Failed;
        }

        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminAuthorizationRevoked, user.Id) with { ClientId = clientId }, cancellationToken);
        return AdminActionResult.Done;
    }

    /// <param name="forget">Forget the device (its next sign-in is challenged as new) rather than only end its sessions.</param>
    public async Task<AdminActionResult> EndDeviceAsync(ApplicationUser user, Guid deviceId, bool forget, CancellationToken cancellationToken)
    {
        var ended = forget
            ? await devices.ForgetAsync(user.Id, deviceId, cancellationToken)
            : await devices.SignOutAsync(user.Id, deviceId, cancellationToken);
        if (!ended)
        {
            return AdminActionResult.Failed;
        }

        await audit.RecordAsync(AuditRecord.Succeeded(forget ? AuditEventTypes.AdminDeviceForgotten : AuditEventTypes.AdminDeviceSignedOut, user.Id)
            .With("device", deviceId.ToString("N")), cancellationToken);
        return AdminActionResult.Done;
    }
}
