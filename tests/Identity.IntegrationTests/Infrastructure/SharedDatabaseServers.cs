namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// Two server instances on one data folder (one SQLite file), as two nodes behind a load balancer:
/// whatever one remembers only in its own memory, the other does not know.
/// </summary>
public sealed class SharedDatabaseServers : IDisposable
{
    /// <param name="configure">Applied to each server before it starts (settings, test services).</param>
    public SharedDatabaseServers(Action<IdentityServerFactory>? configure = null)
    {
        First = new IdentityServerFactory().KeepData();
        configure?.Invoke(First);
        _ = First.Services;

        // Started after the first has migrated the database and created the keys, as a second node would be.
        Second = new IdentityServerFactory(First.DataDirectory).KeepData();
        configure?.Invoke(Second);
        _ = Second.Services;
    }

    public IdentityServerFactory First { get; }

    public IdentityServerFactory Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        TestDatabase.Drop(First.DataDirectory);
        IdentityServerFactory.TryDelete(First.DataDirectory);
    }
}
