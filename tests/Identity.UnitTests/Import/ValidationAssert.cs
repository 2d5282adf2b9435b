using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

/// <summary>Runs the validator on a file and returns its messages as the command would print them.</summary>
public static class ValidationAssert
{
    public static IReadOnlyList<string> Problems(ImportFile file, params string[] existingScopes) =>
        ImportValidator.Validate(file, new HashSet<string>(existingScopes)).Problems.Select(problem => problem.ToString()).ToList();

    public static IReadOnlyList<string> Warnings(ImportFile file) =>
        ImportValidator.Validate(file, new HashSet<string>()).Warnings.Select(warning => warning.ToString()).ToList();

    public static ImportFile Clients(params ClientEntry[] clients) => new() { Clients = [.. clients] };

    public static ImportFile Users(params UserEntry[] users) => new() { Users = [.. users] };

    /// <summary>A public code-flow client that passes every rule.</summary>
    public static ClientEntry WebClient(string clientId = "web") => new()
    {
        ClientId = clientId,
        RedirectUris = ["https://app.example/callback"],
        GrantTypes = ["authorization_code", "refresh_token"],
        Scopes = ["openid", "profile", "offline_access"],
    };
}
