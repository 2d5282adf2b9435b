namespace Identity.Server.Features.NewDevice;

/// <summary>
/// A readable browser and system from a user agent string, for the owner to recognise a device. Only a
/// fixed list of names comes out, never text from the header: it is shown on pages and in email.
/// </summary>
public static class UserAgents
{
    // Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Platforms =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static string? Browser(string? userAgent) => Match(userAgent, Browsers);

    public static string? Platform(string? userAgent) => Match(userAgent, Platforms);

    private static string? Match(string? userAgent, (string Marker, string Name)[] names) =>
        string.IsNullOrEmpty(userAgent)
            ? null
            : names.FirstOrDefault(entry => userAgent.Contains(entry.Marker, StringComparison.Ordinal)).Name;
}
