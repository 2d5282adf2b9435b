using System.Security.Cryptography;
using System.Text.Json;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
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
/// expires, so a captured answer cannot be replayed (WebAuthn §13.4.3), even with the old cookie.
/// </summary>
public sealed class PasskeyCeremony(
    IHttpContextAccessor accessor,
    IDataProtectionProvider protection,
    IMemoryCache used,
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
    public (string State, string? UserId)? Take(PasskeyCeremonyKind kind)
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

        // Accepted once: remember the id until the ceremony would have expired anyway.
        var key = "passkey-ceremony:" + ticket.Id;
        if (used.TryGetValue(key, out _))
        {
            return null;
        }

        used.Set(key, true, expires);
        return (ticket.State, ticket.UserId);
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
