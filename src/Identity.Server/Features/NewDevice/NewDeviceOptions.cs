using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.NewDevice;

/// <summary>Recognising browsers, challenging new ones, and telling the owner.</summary>
public sealed class NewDeviceOptions
{
    public const string SectionName = "NewDevice";

    /// <summary>
    /// When a sign-in needs a one-time code: <see cref="NewDevicePolicy.NewDevice"/> (default) from a browser
    /// the account has not used before, <see cref="NewDevicePolicy.Always"/> at every sign-in, or
    /// <see cref="NewDevicePolicy.Off"/>. A client can raise this with its <c>new_device_policy</c> property, never lower it.
    /// </summary>
    [EnumDataType(typeof(NewDevicePolicy))]
    public NewDevicePolicy Policy { get; set; } = NewDevicePolicy.NewDevice;

    /// <summary>How long the device cookie lives. Default 365 days; 1 to 400 days (browsers cap cookies at 400).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan DeviceCookieLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long the "This wasn't me" link in a new-device notice works. Default 7 days; 1 hour to 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan NoticeLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
