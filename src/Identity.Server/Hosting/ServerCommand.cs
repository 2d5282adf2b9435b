namespace Identity.Server.Hosting;

/// <summary>
/// What the process was asked to do: serve (the default), apply migrations, import a file, or export
/// one. The command words (and <c>--include-secrets</c>) are taken off the argument list so the host
/// never sees them as settings.
/// </summary>
public sealed record ServerCommand(string Name, string? FilePath, string[] HostArguments, bool IncludeSecrets = false)
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string Import = "import";
    public const string Export = "export";
    public const string IncludeSecretsFlag = "--include-secrets";

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
            Export when args.Length >= 2 && !args[1].StartsWith('-') => new ServerCommand(
                Export, args[1], [.. args[2..].Where(arg => arg != IncludeSecretsFlag)], args[2..].Contains(IncludeSecretsFlag)),
            Export => new ServerCommand("usage", null, args[1..]),
            _ => new ServerCommand("usage", null, args[1..]),
        };
    }
}
