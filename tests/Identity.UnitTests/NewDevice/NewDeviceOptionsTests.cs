using System.ComponentModel.DataAnnotations;
using Identity.Server.Features.NewDevice;

namespace Identity.UnitTests.NewDevice;

/// <summary>The new-device settings are checked at start: a known policy, lifetimes within range.</summary>
public sealed class NewDeviceOptionsTests
{
    [Fact]
    public void Validate_Accepts_WhenDefaults()
    {
        Assert.Empty(Validate(new NewDeviceOptions()));
        Assert.Equal(NewDevicePolicy.NewDevice, new NewDeviceOptions().Policy);
    }

    [Fact]
    public void Validate_Refuses_WhenPolicyIsUnknown()
    {
        Assert.NotEmpty(Validate(new NewDeviceOptions { Policy = (NewDevicePolicy)7 }));
    }

    [Fact]
    public void Validate_Refuses_WhenCookieOutlivesBrowserCap()
    {
        Assert.NotEmpty(Validate(new NewDeviceOptions { DeviceCookieLifetime = TimeSpan.FromDays(401) }));
    }

    [Fact]
    public void Validate_Refuses_WhenNoticeLinkLivesTooShort()
    {
        Assert.NotEmpty(Validate(new NewDeviceOptions { NoticeLinkLifetime = TimeSpan.FromMinutes(5) }));
    }

    private static List<ValidationResult> Validate(NewDeviceOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
