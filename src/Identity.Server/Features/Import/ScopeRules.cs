namespace Identity.Server.Features.Import;

/// <summary>What a scope entry must satisfy.</summary>
public static class ScopeRules
{
    /// <summary>The longest scope name the database column holds.</summary>
    public const int MaxNameLength = 200;

    public static void Check(ScopeEntry scope, ISet<string> namesSeen, EntryProblems problems)
    {
        if (string.IsNullOrEmpty(scope.Name))
        {
            problems.Add("name is missing");
        }
        else if (!IsScopeToken(scope.Name) || scope.Name.Length > MaxNameLength)
        {
            problems.Add($"name \"{scope.Name}\" is not a valid scope name (printable ASCII without spaces, quotes or backslashes, at most {MaxNameLength} characters)");
        }
        else if (ClientDescriptors.StandardScopes.ContainsKey(scope.Name))
        {
            problems.Add($"name \"{scope.Name}\" is a standard scope the server always offers; leave it out");
        }
        else if (!namesSeen.Add(scope.Name))
        {
            problems.Add($"name \"{scope.Name}\" appears more than once in the file");
        }

        TextRules.CheckLength("displayName", scope.DisplayName, TextRules.MaxDisplayNameLength, problems);
        TextRules.CheckLength("description", scope.Description, TextRules.MaxDescriptionLength, problems);
        for (var i = 0; i < scope.Resources.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(scope.Resources[i]))
            {
                problems.Add($"resources[{i}] is empty");
            }
        }
    }

    /// <summary>scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) (RFC 6749 §3.3).</summary>
    public static bool IsScopeToken(string value) =>
        value.Length > 0 && value.All(c => c == '\x21' || (c >= '\x23' && c <= '\x5B') || (c >= '\x5D' && c <= '\x7E'));
}

/// <summary>Length limits for free text, so a stray paste cannot fill pages and tokens.</summary>
public static class TextRules
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxDescriptionLength = 1000;

    public static void CheckLength(string field, string? value, int max, EntryProblems problems)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"{field} is longer than {max} characters");
        }
    }
}
