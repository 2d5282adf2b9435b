using System.Buffers.Text;
using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Passkeys;

/// <summary>A passkey as the security pages show it; <see cref="Id"/> is the credential id, base64url.</summary>
public sealed record PasskeyEntry(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>The account's passkeys: listed, renamed and removed.</summary>
public sealed class PasskeyList(UserManager<ApplicationUser> users, PasskeyUsage usage, IAuditLog audit, ILogger<PasskeyList> logger)
{
    public const int NameMaxLength = 60;

    public async Task<IReadOnlyList<PasskeyEntry>> ForAsync(ApplicationUser user)
    {
        var entries = new List<PasskeyEntry>();
        foreach (var passkey in (await users.GetPasskeysAsync(user)).OrderBy(passkey => passkey.CreatedAt))
        {
            entries.Add(new PasskeyEntry(
                Base64Url.EncodeToString(passkey.CredentialId),
                passkey.Name ?? string.Empty,
                passkey.CreatedAt,
                await usage.LastUsedAsync(user, passkey.CredentialId)));
        }

        return entries;
    }

    public async Task<PasskeyEntry?> FindAsync(ApplicationUser user, string? id) =>
        (await ForAsync(user)).FirstOrDefault(entry => entry.Id == id);

    public async Task<bool> RenameAsync(ApplicationUser user, string id, string name)
    {
        if (Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return false;
        }

        passkey.Name = name;
        var renamed = (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded;
        PasskeysLog.Changed(logger, user.Id, "renamed");
        return renamed;
    }

    public async Task<bool> RemoveAsync(ApplicationUser user, string id)
    {
        if (Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            return false;
        }

        var removed = (await users.RemovePasskeyAsync(user, credentialId)).Succeeded;
        await usage.ForgetAsync(user, credentialId);
        PasskeysLog.Changed(logger, user.Id, "removed");
        if (removed)
        {
            await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TwoStepChange, user.Id).With("change", "passkey removed"));
        }
        return removed;
    }

    private static byte[]? Decode(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) ? null : Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
