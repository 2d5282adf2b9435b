namespace Identity.Server.Features.Bootstrap;

/// <summary>Tells the person who started the server where to create the first administrator.</summary>
public interface ISetupLinkPublisher
{
    Task PublishAsync(Uri link, TimeSpan validFor, CancellationToken cancellationToken);

    /// <summary>No new link: one printed earlier, by this node or another, is open until <paramref name="expiresAt"/>.</summary>
    Task PublishOpenAsync(DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>
/// Prints the link on the console only — the place only whoever started the server can read. The
/// link is never logged: logs are shipped and kept, and the link is a credential for its hour.
/// </summary>
public sealed class ConsoleSetupLinkPublisher : ISetupLinkPublisher
{
    public Task PublishAsync(Uri link, TimeSpan validFor, CancellationToken cancellationToken) =>
        Console.Out.WriteLineAsync($"No administrator exists yet. Open {link} within {Describe(validFor)} to create one.".AsMemory(), cancellationToken);

    public Task PublishOpenAsync(DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Console.Out.WriteLineAsync(
            ($"No administrator exists yet. The setup link printed by the first server to start stays valid until {expiresAt:u}; "
             + "it works on every server. Restart after that time for a new link.").AsMemory(),
            cancellationToken);

    public static string Describe(TimeSpan span) =>
        span.TotalMinutes % 60 == 0
            ? (span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours")
            : $"{span.TotalMinutes:0} minutes";
}
