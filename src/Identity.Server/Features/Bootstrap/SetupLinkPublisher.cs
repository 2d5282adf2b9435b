namespace Identity.Server.Features.Bootstrap;

/// <summary>Tells the person who started the server where to create the first administrator.</summary>
public interface ISetupLinkPublisher
{
    Task PublishAsync(Uri link, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>
/// Prints the link on the console only — the place only whoever started the server can read. The
/// link is never logged: logs are shipped and kept, and the link is a credential for its hour.
/// </summary>
public sealed class ConsoleSetupLinkPublisher : ISetupLinkPublisher
{
    public Task PublishAsync(Uri link, TimeSpan validFor, CancellationToken cancellationToken) =>
        Console.Out.WriteLineAsync($"No administrator exists yet. Open {link} within {Describe(validFor)} to create one.".AsMemory(), cancellationToken);

    public static string Describe(TimeSpan span) =>
        span.TotalMinutes % 60 == 0
            ? (span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours")
            : $"{span.TotalMinutes:0} minutes";
}
