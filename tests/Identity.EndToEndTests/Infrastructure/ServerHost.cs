using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.EndToEndTests.Infrastructure;

/// <summary>
/// The real identity server on a real port at http://localhost (WebAuthn allows plain http there), in
/// the Development environment as a developer runs it, on a fresh SQLite file. Texts and emails go to the outbox.
/// </summary>
public sealed class ServerHost : WebApplicationFactory<Program>
{
    private readonly string _newDevicePolicy;

    /// <param name="newDevicePolicy">NewDevice:Policy. Off for most journeys, which each start from a
    /// fresh browser; the new-device journeys turn it on.</param>
    public ServerHost(string newDevicePolicy = "Off")
    {
        _newDevicePolicy = newDevicePolicy;
        Port = FreePort.Next();
        DataDirectory = Path.Combine(Path.GetTempPath(), "identity-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(Port);
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://localhost:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Oidc:Issuer", BaseAddress.ToString());
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("RateLimits:AccountFormsPerMinute", "10000");
        builder.UseSetting("RateLimits:TokenRequestsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("NewDevice:Policy", _newDevicePolicy);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new ServerLog("server")));
    }

    /// <summary>The six-digit code in the newest text to <paramref name="phone"/> in the SMS outbox.</summary>
    public string LastTextedCode(string phone)
    {
        var folder = Path.Combine(DataDirectory, "sms-outbox");
        var text = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Last(message => message.Contains(phone, StringComparison.Ordinal));
        return System.Text.RegularExpressions.Regex.Match(text, @"\b(\d{6})\b").Groups[1].Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Litter in the temp folder only.
            }
        }
    }
}
