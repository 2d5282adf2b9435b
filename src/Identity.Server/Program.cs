using Identity.Server.Hosting;

var command = ServerCommand.Parse(args);

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddIdentityServerApp();

await using var app = builder.Build();
app.UseIdentityServerApp();

return await app.RunCommandAsync(command);

/// <summary>Entry point; public so integration tests can host the server.</summary>
public partial class Program;
