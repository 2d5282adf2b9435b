using System.Security.Cryptography;
using System.Text.Json;
using Identity.Server.Data;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Passkeys;

/// <summary>Which page a ceremony belongs to; state issued for one cannot be used on another.</summary>
public enum PasskeyCeremonyKind
{
    SignIn,
    SecondStep,
    Register,
}

/// <summary>
/// Keeps the state of a passkey ceremony (Identity's challenge) between the options request and the
/// browser's answer, in a protected cookie of its own: Identity's default would use the two-factor
/// cookie that holds a waiting password sign-in. A ceremony is accepted once and only until it
/// expires, so a captured answer cannot be replayed (WebAuthn §13.4.3), even with the old cookie and
/// on another node: the used ceremony ids are rows in the shared database.
/// </summary>
public sealed class PasskeyCeremony(
    IHttpContextAccessor accessor,
    IDataProtectionProvider protection,
    ApplicationDbContext db,
    IHostEnvironment environment,
    TimeProvider time,
    IOptions<PasskeyOptions> options)
{
    private const string CookieName = "passkey";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public void Start(PasskeyCeremonyKind kind, string state, string? userId)
    {
        var expires = time.GetUtcNow() + options.Value.CeremonyTimeout;
        var ticket = new Ticket(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), state, userId, expires.ToUnixTimeSeconds());
        var cookie = Cookie();
        Context.Response.Cookies.Append(cookie.Name!, Protector(kind).Protect(JsonSerializer.Serialize(ticket)), cookie.Build(Context, expires));
    }

    /// <summary>The state of a live ceremony of this kind, or null. Ends the ceremony either way.</summary>
    public async Task<(string State, string? UserId)?> TakeAsync(PasskeyCeremonyKind kind, CancellationToken cancellationToken = default)
    {
        var cookie = Cookie();
        var value = Context.Request.Cookies[cookie.Name!];
        Context.Response.Cookies.Delete(cookie.Name!, cookie.Build(Context));
        if (string.IsNullOrEmpty(value) || Read(kind, value) is not { } ticket)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(ticket.Expires);
        if (expires <= time.GetUtcNow())
        {
            return null;
        }

        // Accepted once: the id's row is the proof of use; a duplicate insert is a replay.
        return await MarkUsedAsync(ticket.Id, expires, cancellationToken) ? (ticket.State, ticket.UserId) : null;
    }

    private async Task<bool> MarkUsedAsync(string id, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var row = new UsedPasskeyCeremony { Id = id, ExpiresAt = expires.ToUnixTimeMilliseconds() };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private Ticket? Read(PasskeyCeremonyKind kind, string value)
    {
        try
        {
            return JsonSerializer.Deserialize<Ticket>(Protector(kind).Unprotect(value));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            return null;
        }
    }

    private IDataProtector Protector(PasskeyCeremonyKind kind) =>
        protection.CreateProtector("Identity.Server.Passkeys.Ceremony", kind.ToString());

    private CookieBuilder Cookie()
    {
        var cookie = new CookieBuilder { SameSite = SameSiteMode.Strict, IsEssential = true };
        cookie.Harden(CookieName, environment);
        return cookie;
    }

    private sealed record Ticket(string Id, string State, string? UserId, long Expires);
}
