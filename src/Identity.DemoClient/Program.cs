namespace Identity.DemoClient;

// A named class rather than top-level statements: the server project already owns the global
// Program type, and the integration tests need WebApplicationFactory<Identity.DemoClient.Program>.
public partial class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddDemoClient();

        var app = builder.Build();
        app.UseDemoClient();
        app.Run();
    }
}
