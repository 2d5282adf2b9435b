using Identity.Server.Features.Email;

namespace Identity.Server.Features.Import;

/// <summary>How entries are named in messages: their position in the file and their key when they
/// have one. Email addresses are masked, as everywhere output may end up in a log.</summary>
public static class EntryLabels
{
    public static string Scope(int index, ScopeEntry? scope) =>
        Label("scopes", index, string.IsNullOrEmpty(scope?.Name) ? null : $"name \"{scope.Name}\"");

    public static string Client(int index, ClientEntry? client) =>
        Label("clients", index, string.IsNullOrEmpty(client?.ClientId) ? null : $"clientId \"{client.ClientId}\"");

    public static string User(int index, UserEntry? user) =>
        Label("users", index, string.IsNullOrEmpty(user?.Email) ? null : $"email \"{EmailAddressMask.Mask(user.Email)}\"");

    private static string Label(string list, int index, string? key) =>
        key is null ? $"{list}[{index}]" : $"{list}[{index}] ({key})";
}
