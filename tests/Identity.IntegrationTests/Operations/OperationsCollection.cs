namespace Identity.IntegrationTests.Operations;

/// <summary>
/// Meters are process-wide: a server's exporter also hears the counters of servers other tests run at the
/// same time. Tests that assert exact counter changes run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
