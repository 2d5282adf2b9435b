using Microsoft.Extensions.Logging;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>Warnings and errors of the hosted sites, appended to <c>artifacts/server.log</c> for reading a failed journey.</summary>
public sealed class ServerLog(string site) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Writer(site, categoryName);

    public void Dispose()
    {
    }

    private sealed class Writer(string site, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            Directory.CreateDirectory(Browser.ArtifactsRoot);
            lock (Gate)
            {
                File.AppendAllText(
                    Path.Combine(Browser.ArtifactsRoot, "server.log"),
                    $"{DateTimeOffset.UtcNow:O} {site} {logLevel} {category}: {formatter(state, exception)}{Environment.NewLine}{exception}{Environment.NewLine}");
            }
        }
    }
}
