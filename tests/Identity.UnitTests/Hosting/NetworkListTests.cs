using System.Net;
using Identity.Server.Hosting;

namespace Identity.UnitTests.Hosting;

public sealed class NetworkListTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("172.16.0.0/12", "172.31.255.255", true)]
    [InlineData("172.16.0.0/12", "172.32.0.1", false)]
    [InlineData("192.0.2.10", "192.0.2.10", true)]
    [InlineData("192.0.2.10", "192.0.2.11", false)]
    [InlineData("fc00::/7", "fd12:3456::1", true)]
    [InlineData("::1", "::1", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)]
    public void Contains_MatchesCidrAndSingleAddresses_WhenAddressIsGiven(string network, string address, bool expected)
    {
        Assert.True(NetworkList.TryParse([network], out var list, out _));

        Assert.Equal(expected, list.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_IsFalse_WhenThereIsNoAddress()
    {
        Assert.True(NetworkList.TryParse(["0.0.0.0/0"], out var list, out _));

        Assert.False(list.Contains(null));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.1/8")]
    [InlineData("")]
    public void TryParse_NamesTheEntry_WhenItIsNotANetwork(string entry)
    {
        Assert.False(NetworkList.TryParse(["127.0.0.0/8", entry], out _, out var invalid));

        Assert.Equal(entry, invalid);
    }
}
