using System.Security.Claims;
using Identity.Server.Data;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SignIn;

namespace Identity.Server.Features.NewDevice;

/// <summary>What the device check says after a correct password.</summary>
public enum DeviceStep
{
    /// <summary>The policy is off: only the account's own two-step verification applies.</summary>
    NotChecked,

    /// <summary>The account passed a challenge on this browser before.</summary>
    Known,

    /// <summary>A one-time code is due before any session, code or token.</summary>
    Challenge,
}

/// <summary>
/// The named check "new device": a correct password from a browser the account has not passed a challenge
/// on (or any sign-in, under <see cref="NewDevicePolicy.Always"/>) is followed by a one-time code.
/// </summary>
public sealed class RequireKnownDevice(
    NewDevicePolicies policies,
    DeviceCookie cookie,
    KnownDevices devices,
    ILogger<RequireKnownDevice> logger)
{
    public async Task<DeviceStep> AfterPasswordAsync(ApplicationUser user, string? clientId, CancellationToken cancellationToken)
    {
        var step = await policies.ForClientAsync(clientId, cancellationToken) switch
        {
            NewDevicePolicy.Off => DeviceStep.NotChecked,
            NewDevicePolicy.Always => DeviceStep.Challenge,
            _ => cookie.Read() is { } device && await devices.FindAsync(user.Id, device, cancellationToken) is not null
                ? DeviceStep.Known
                : DeviceStep.Challenge,
        };
        NewDeviceLog.DeviceChecked(logger, user.Id, step.ToString());
        return step;
    }

    /// <summary>
    /// For a session that already exists, at the authorization endpoint: it may have been issued under a
    /// weaker policy (another client's, or before the setting changed), so this client's policy is checked again.
    /// </summary>
    public async Task<bool> SessionNeedsChallengeAsync(ClaimsPrincipal session, string clientId, CancellationToken cancellationToken) =>
        await policies.ForClientAsync(clientId, cancellationToken) switch
        {
            NewDevicePolicy.Off => false,
            NewDevicePolicy.Always => !SecondFactorMethods.IsMultiFactor(session.FindAll(SignInClaimTypes.AuthenticationMethod).Select(claim => claim.Value)),
            _ => !session.HasClaim(claim => claim.Type == DeviceSessions.DeviceClaim),
        };
}
