using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Bootstrap;

/// <summary>Keeps the setup links the server would print on the console, so a test can open them.</summary>
public sealed class CapturingSetupLinkPublisher : ISetupLinkPublisher
{
    private readonly List<Uri> _links = [];
    private readonly List<DateTimeOffset> _stillOpen = [];

    public IReadOnlyList<Uri> Links => _links;

    /// <summary>Starts that printed no link because an earlier one was still open, with its expiry.</summary>
    public IReadOnlyList<DateTimeOffset> StillOpen => _stillOpen;

    /// <summary>The path and query to open on the test server.</summary>
    public string LastLink => Assert.Single(_links).PathAndQuery;

    public Task PublishAsync(Uri link, TimeSpan validFor, CancellationToken cancellationToken)
    {
        _links.Add(link);
        return Task.CompletedTask;
    }

    public Task PublishOpenAsync(DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _stillOpen.Add(expiresAt);
        return Task.CompletedTask;
    }
}
