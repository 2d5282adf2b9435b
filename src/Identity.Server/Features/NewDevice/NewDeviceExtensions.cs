using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.NewDevice;

public static class NewDeviceExtensions
{
    /// <summary>New-device challenges: the device cookie and store, the named check, the notice and "This wasn't me".
    /// Call after <c>AddAccounts</c>: it wraps the events of Identity's session cookie.</summary>
    public static WebApplicationBuilder AddNewDevice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewDeviceOptions>()
            .BindConfiguration(NewDeviceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<NewDevicePolicies>();
        services.AddScoped<DeviceCookie>();
        services.AddScoped<KnownDevices>();
        services.AddScoped<DeviceSessions>();
        services.AddScoped<RequireKnownDevice>();
        services.AddScoped<RecordKnownDevice>();
        services.AddScoped<NotMeLinks>();
        services.AddScoped<NewDeviceNotices>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure(DeviceSessionEvents.Wrap);
        return builder;
    }
}
