using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Features.NewDevice;

/// <summary>What happened when a passed challenge was recorded.</summary>
public enum DeviceRecordResult
{
    /// <summary>The account had not used this browser before: the owner is told.</summary>
    New,

    /// <summary>The account knew this browser already.</summary>
    Known,
}

/// <summary>The devices of each account, found by the hash of the id in the browser's cookie.</summary>
public sealed class KnownDevices(ApplicationDbContext db, TimeProvider time)
{
    public Task<KnownDevice?> FindAsync(string userId, DeviceId device, CancellationToken cancellationToken)
    {
        var hash = device.Hash();
        return db.Set<KnownDevice>().SingleOrDefaultAsync(known => known.UserId == userId && known.DeviceIdHash == hash, cancellationToken);
    }

    public Task<KnownDevice?> FindByIdAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        db.Set<KnownDevice>().SingleOrDefaultAsync(known => known.UserId == userId && known.Id == id, cancellationToken);

    /// <summary>The account's devices, most recently used first.</summary>
    public async Task<IReadOnlyList<KnownDevice>> ListAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await db.Set<KnownDevice>().AsNoTracking().Where(known => known.UserId == userId).ToListAsync(cancellationToken))
            .OrderByDescending(known => known.LastSeen)];

    /// <summary>Records a sign-in that passed the challenge on this device, creating the device when it is new.</summary>
    public async Task<(DeviceRecordResult Result, KnownDevice Device)> RecordAsync(
        string userId, DeviceId device, DeviceFacts facts, bool trusted, CancellationToken cancellationToken)
    {
        var known = await FindAsync(userId, device, cancellationToken);
        var result = known is null ? DeviceRecordResult.New : DeviceRecordResult.Known;
        if (known is null)
        {
            known = new KnownDevice { UserId = userId, DeviceIdHash = device.Hash(), FirstSeen = time.GetUtcNow() };
            db.Add(known);
        }

        known.Trusted |= trusted;
        Touch(known, facts);
        await db.SaveChangesAsync(cancellationToken);
        return (result, known);
    }

    /// <summary>Notes a sign-in without a challenge from a device the account already knows.</summary>
    public async Task TouchAsync(KnownDevice known, DeviceFacts facts, CancellationToken cancellationToken)
    {
        Touch(known, facts);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RenameAsync(string userId, Guid id, string? name, CancellationToken cancellationToken)
    {
        if (await FindByIdAsync(userId, id, cancellationToken) is not { } known)
        {
            return false;
        }

        known.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Forgets a device: its sessions end, and the next sign-in from it is challenged again.</summary>
    public async Task<bool> ForgetAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<KnownDevice>().Where(known => known.UserId == userId && known.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Forgets every device of an account (after it reported a sign-in that was not theirs).</summary>
    public Task<int> ForgetAllAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<KnownDevice>().Where(known => known.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends the sessions on a device; it stays known.</summary>
    public async Task<bool> SignOutAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<KnownDevice>().Where(known => known.UserId == userId && known.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(known => known.SessionVersion, known => known.SessionVersion + 1), cancellationToken) > 0;

    private void Touch(KnownDevice known, DeviceFacts facts)
    {
        known.LastSeen = time.GetUtcNow();
        known.LastIp = facts.Ip;
        known.Browser = facts.Browser;
        known.Platform = facts.Platform;
    }
}
