using System.Security.Cryptography;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// The long-lived device cookie: a <see cref="DeviceId"/> protected with Data Protection (so it cannot be
/// forged or edited), HttpOnly, Secure and <c>__Host-</c> prefixed (<see cref="CookieHardening"/>). The
/// cookie alone proves nothing: a device is known only to the account that passed a challenge on it.
/// </summary>
public sealed class DeviceCookie(
    IHttpContextAccessor accessor,
    IDataProtectionProvider protection,
    IOptions<NewDeviceOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DeviceCookie> logger)
{
    private const string Name = "device";
    private readonly IDataProtector _protector = protection.CreateProtector("Identity.Server.NewDevice.DeviceCookie.v1");
    private DeviceId? _current;
    private bool _read;

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    /// <summary>This browser's device id, or null when it has none or its cookie was forged or damaged.</summary>
    public DeviceId? Read()
    {
        if (!_read)
        {
            _read = true;
            _current ??= Unprotect(Context.Request.Cookies[Builder().Name!]);
        }

        return _current;
    }

    /// <summary>This browser's device id; a browser without a valid one gets a new one now.</summary>
    public DeviceId Ensure()
    {
        if (Read() is { } existing)
        {
            return existing;
        }

        _current = DeviceId.New();
        var protectedValue = WebEncoders.Base64UrlEncode(_protector.Protect(WebEncoders.Base64UrlDecode(_current.Encode())));
        Context.Response.Cookies.Append(Builder().Name!, protectedValue, Builder().Build(Context, time.GetUtcNow()));
        return _current;
    }

    private DeviceId? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return DeviceId.FromBytes(_protector.Unprotect(WebEncoders.Base64UrlDecode(value)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            // A forged, edited or foreign cookie: treated as no cookie, so the browser counts as new.
            NewDeviceLog.DeviceCookieRejected(logger);
            return null;
        }
    }

    private CookieBuilder Builder()
    {
        var builder = new CookieBuilder
        {
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expiration = options.Value.DeviceCookieLifetime,
        };
        builder.Harden(Name, environment);
        return builder;
    }
}
