using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>The demo relying party on its own port at http://127.0.0.1, another site than the server, as in the README.</summary>
public sealed class DemoClientHost : WebApplicationFactory<Identity.DemoClient.Program>
{
    private readonly Uri _authority;

    public DemoClientHost(Uri authority)
    {
        _authority = authority;
        Port = FreePort.Next();
        UseKestrel(Port);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DemoClient:Authority", _authority.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new ServerLog("demo")));
    }
}
