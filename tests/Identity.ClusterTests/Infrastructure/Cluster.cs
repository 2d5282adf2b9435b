using System.Globalization;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;

namespace Identity.ClusterTests.Infrastructure;

/// <summary>
/// Server nodes sharing one database behind a test-controlled load balancer, with a fake Twilio and an
/// SMTP sink they all use. The database is a SQLite file in a fresh folder every node opens, or a
/// fresh PostgreSQL database.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    public const string ServiceSecret = "a-long-random-service-secret-for-the-cluster-tests";

    private readonly List<ServerNode> _nodes = [];
    private readonly List<IDisposable> _clients = [];

    private Cluster(SmtpSink smtp, string dataDirectory, ClusterDatabase database)
    {
        Smtp = smtp;
        DataDirectory = dataDirectory;
        Database = database;
        Settings = new Dictionary<string, string?>
        {
            ["Oidc:Issuer"] = LoadBalancer.PublicAddress.ToString(),
            ["Database:DataDirectory"] = dataDirectory,
            ["Hosting:KnownProxies:0"] = "127.0.0.1",
            ["RateLimits:AccountFormsPerMinute"] = "10000",
            ["RateLimits:TokenRequestsPerMinute"] = "1000000",
            ["NewDevice:Policy"] = "Off",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Sms:Twilio:From"] = FakeTwilio.From,
            ["Sms:Twilio:ApiBaseUrl"] = Twilio.Url,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:From"] = "identity@example.com",
        };
        foreach (var (key, value) in database.Settings)
        {
            Settings[key] = value;
        }
    }

    public ClusterDatabase Database { get; }

    public FakeTwilio Twilio { get; } = new();

    public SmtpSink Smtp { get; }

    public string DataDirectory { get; }

    /// <summary>Every node's settings, as environment variables; change before starting nodes.</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<Cluster> CreateAsync(bool postgres = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "identity-cluster", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = postgres ? await ClusterDatabase.PostgresAsync() : ClusterDatabase.SqliteFile(directory);
        return new Cluster(await SmtpSink.StartAsync(), directory, database);
    }

    public Cluster With(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    /// <summary>Starts a node without waiting for it.</summary>
    public ServerNode Start(string name)
    {
        var node = ServerNode.Start(name, Settings);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts a node and waits until it serves.</summary>
    public async Task<ServerNode> StartReadyAsync(string name)
    {
        var node = Start(name);
        await WaitUntilReadyAsync(node);
        return node;
    }

    public Task WaitUntilReadyAsync(ServerNode node) => node.WaitUntilReadyAsync(Api(node));

    /// <summary>A client of the protocol endpoints, through the load balancer, pinned to one node.</summary>
    public HttpClient Api(ServerNode node) => Api(new LoadBalancer(node));

    public HttpClient Api(LoadBalancer balancer)
    {
        var client = new HttpClient(balancer) { BaseAddress = LoadBalancer.PublicAddress };
        _clients.Add(client);
        return client;
    }

    /// <summary>A browser whose requests the returned balancer sends to the node the test picks.</summary>
    public (BrowserClient Browser, LoadBalancer Balancer) Browser(ServerNode first)
    {
        var balancer = new LoadBalancer(first);
        var browser = new BrowserClient(new HttpClient(new CookieJar(balancer)) { BaseAddress = LoadBalancer.PublicAddress });
        _clients.Add(browser);
        return (browser, balancer);
    }

    /// <summary>Imports clients and users with the server's own command, before or while nodes run.</summary>
    public async Task ImportAsync(string json)
    {
        var file = Path.Combine(DataDirectory, $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        var (exitCode, output) = await ServerNode.RunCommandAsync(Settings, "import", file);
        Assert.True(exitCode == 0, $"Import failed ({exitCode}):\n{output}");
    }

    /// <summary>The shared database, read directly to check what survived.</summary>
    public ApplicationDbContext OpenDatabase() => Database.Open();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        Twilio.Dispose();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        IdentityServerFactory.TryDelete(DataDirectory);
    }
}
