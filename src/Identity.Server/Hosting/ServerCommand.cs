namespace Identity.Server.Hosting;

/// <summary>
/// What the process was asked to do: serve (the default), apply migrations, or import a file.
/// The command words are taken off the argument list so the host never sees them as settings.
/// </summary>
public sealed record ServerCommand(string Name, string? FilePath, string[] HostArguments)
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string Import = "import";

    public static ServerCommand Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new ServerCommand(Serve, null, args);
        }

        return args[0] switch
        {
            Migrate => new ServerCommand(Migrate, null, args[1..]),
            Import when args.Length >= 2 && !args[1].StartsWith('-') => new ServerCommand(Import, args[1], args[2..]),
            Import => new ServerCommand("usage", null, args[1..]),
            _ => new ServerCommand("usage", null, args[1..]),
        };
    }
}
