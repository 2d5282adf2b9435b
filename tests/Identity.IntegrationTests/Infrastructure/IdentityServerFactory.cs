using Identity.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The real server, in process, on a real SQLite file in a fresh folder of its own, or on a fresh
/// PostgreSQL database of its own when the suite runs on PostgreSQL (see <see cref="TestDatabase"/>). Requests come in
/// as https://localhost, so Secure cookies and OpenIddict's HTTPS rule apply as in production.
/// </summary>
public class IdentityServerFactory : WebApplicationFactory<Program>
{
    public static readonly Uri Issuer = new("https://localhost/");

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Oidc:Issuer"] = Issuer.ToString(),
        ["RateLimits:AccountFormsPerMinute"] = "10000",
        ["RateLimits:TokenRequestsPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",

        // Tests of other capabilities sign in from fresh browsers all the time; the new-device tests turn it on.
        ["NewDevice:Policy"] = "Off",
    };

    public IdentityServerFactory()
        : this(Path.Combine(Path.GetTempPath(), "identity-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>A server on an existing data folder, for restart tests.</summary>
    public IdentityServerFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(dataDirectory);
        _settings["Database:DataDirectory"] = dataDirectory;
        foreach (var (key, value) in TestDatabase.Settings(dataDirectory))
        {
            _settings[key] = value;
        }

        TestDatabase.Create(dataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>Sets a configuration value before the server starts.</summary>
    public IdentityServerFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Extra service registrations, applied after the server's own.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => ConfigureTestServices?.Invoke(services));
    }

    /// <summary>A browser-like client: its own cookie jar, no automatic redirects.</summary>
    public BrowserClient CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = Issuer,
        }));

    /// <summary>A plain HTTP client for the protocol endpoints.</summary>
    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Issuer });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) =>
        WithScopeAsync(async services => { await action(services); return true; });

    /// <summary>The messages the outbox holds, newest last.</summary>
    public IReadOnlyList<string> OutboxMessages()
    {
        var outbox = Path.Combine(DataDirectory, "outbox");
        return Directory.Exists(outbox)
            ? Directory.GetFiles(outbox).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _deleteOnDispose)
        {
            TestDatabase.Drop(DataDirectory);
            TryDelete(DataDirectory);
        }
    }

    private bool _deleteOnDispose = true;

    /// <summary>Keep the data folder when this server stops, so another can start on it.</summary>
    public IdentityServerFactory KeepData()
    {
        _deleteOnDispose = false;
        return this;
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at shutdown only leaves litter in the temp folder.
        }
    }
}
