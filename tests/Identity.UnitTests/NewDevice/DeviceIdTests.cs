using Identity.Server.Features.NewDevice;

namespace Identity.UnitTests.NewDevice;

/// <summary>The device id: 256 random bits, stored only as a hash, never printed.</summary>
public sealed class DeviceIdTests
{
    [Fact]
    public void New_IsRandomAndHashedToSha256_WhenCreated()
    {
        var first = DeviceId.New();
        var second = DeviceId.New();

        Assert.NotEqual(first.Encode(), second.Encode());
        Assert.Equal(32, first.Hash().Length);
        Assert.NotEqual(first.Hash(), second.Hash());
    }

    [Fact]
    public void ToString_Redacts_WhenPrinted()
    {
        var id = DeviceId.New();

        Assert.DoesNotContain(id.Encode(), id.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(33)]
    public void FromBytes_IsNull_WhenLengthIsNot32(int length)
    {
        Assert.Null(DeviceId.FromBytes(new byte[length]));
    }
}
