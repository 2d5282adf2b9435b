using System.Text.Json;
using Identity.Server.Data;
using Identity.Server.Features.AccountSecurity;
using Identity.Server.Features.Admin.Audit;
using Identity.Server.Features.Audit;
using Identity.Server.Features.NewDevice;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>Everything the user page shows about one account.</summary>
public sealed record UserDetails(
    ApplicationUser User,
    IReadOnlyList<string> Roles,
    bool LockedOut,
    string? LockReason,
    bool HasAuthenticator,
    int RecoveryCodes,
    int Passkeys,
    IReadOnlyList<AppAccess> Apps,
    IReadOnlyList<KnownDevice> Devices,
    IReadOnlyList<AuditRow> RecentEvents);

/// <summary>Gathers <see cref="UserDetails"/>; the lock reason is the one given with the latest lock, from the audit log.</summary>
public sealed class UserOverview(UserManager<ApplicationUser> users, AppsWithAccess apps, KnownDevices devices, AuditSearch audit)
{
    public const int RecentEventCount = 10;

    public async Task<UserDetails?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        var lockedOut = await users.IsLockedOutAsync(user);
        var lastLock = lockedOut
            ? (await audit.SearchAsync(new AuditFilter { User = user.Id, EventType = AuditEventTypes.AdminUserLocked }, cancellationToken)).Rows
                .FirstOrDefault(row => row.Outcome == "success" && row.SubjectUserId == user.Id)
            : null;
        return new UserDetails(
            user,
            [.. await users.GetRolesAsync(user)],
            lockedOut,
            ReasonOf(lastLock),
            await users.GetAuthenticatorKeyAsync(user) is not null,
            await users.CountRecoveryCodesAsync(user),
            (await users.GetPasskeysAsync(user)).Count,
            await apps.ListAsync(user.Id, cancellationToken),
            await devices.ListAsync(user.Id, cancellationToken),
            await audit.RecentAsync(user.Id, RecentEventCount, cancellationToken));
    }

    private static string? ReasonOf(AuditRow? row)
    {
        if (row?.Details is null)
        {
            return null;
        }

        using var details = JsonDocument.Parse(row.Details);
        return details.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
    }
}
