using System.Net;

namespace Identity.Server.Hosting;

/// <summary>A list of IP networks in CIDR notation; a bare address is a network of one.</summary>
public sealed class NetworkList
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    private NetworkList(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    /// <summary>Parses every entry, or says which one is not a network.</summary>
    public static bool TryParse(IEnumerable<string> entries, out NetworkList list, out string? invalid)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!TryParseOne(entry, out var network))
            {
                list = new NetworkList([]);
                invalid = entry;
                return false;
            }

            networks.Add(network);
        }

        list = new NetworkList(networks);
        invalid = null;
        return true;
    }

    public static bool TryParseOne(string? entry, out IPNetwork network)
    {
        var text = entry?.Trim() ?? string.Empty;
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        // "10.0.0.1/8" is refused rather than read as 10.0.0.0/8: a typo in a trust list should stop the start.
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return IPNetwork.TryParse(text, out network) && slash > 0
            && IPAddress.TryParse(text[..slash], out var given) && given.Equals(network.BaseAddress);
    }

    /// <summary>Whether the address is in one of the networks; an IPv4 address may come as IPv4-mapped IPv6.</summary>
    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(plain));
    }
}
