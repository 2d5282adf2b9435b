using Identity.Server.Data;
using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

/// <summary>On an existing account only the fields the entry gives are set.</summary>
public sealed class UserProfileTests
{
    [Fact]
    public void Apply_LeavesAccountAlone_WhenEntryGivesOnlyTheEmail()
    {
        var user = Existing();

        var changes = UserProfile.Apply(new UserEntry { Email = user.Email }, user);

        Assert.Empty(changes);
        Assert.Equal("Alice", user.DisplayName);
        Assert.True(user.PhoneNumberConfirmed);
    }

    [Fact]
    public void Apply_SetsAndNamesFields_WhenTheyDiffer()
    {
        var user = Existing();

        var changes = UserProfile.Apply(new UserEntry { Email = user.Email, DisplayName = "Alice A.", EmailConfirmed = true, TwoFactorEnabled = true }, user);

        Assert.Equal(["displayName", "twoFactorEnabled"], changes);
        Assert.Equal("Alice A.", user.DisplayName);
        Assert.True(user.TwoFactorEnabled);
    }

    [Fact]
    public void Apply_MarksNewNumberUnconfirmed_WhenFileDoesNotSayItIsConfirmed()
    {
        var user = Existing();

        var changes = UserProfile.Apply(new UserEntry { Email = user.Email, PhoneNumber = "+31687654321" }, user);

        Assert.Equal(["phoneNumber", "phoneNumberConfirmed"], changes);
        Assert.False(user.PhoneNumberConfirmed);
    }

    private static ApplicationUser Existing() => new()
    {
        Email = "alice@example.com",
        EmailConfirmed = true,
        DisplayName = "Alice",
        PhoneNumber = "+31612345678",
        PhoneNumberConfirmed = true,
    };
}
