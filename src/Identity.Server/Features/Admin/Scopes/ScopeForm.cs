using Identity.Server.Features.Import;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Admin.Scopes;

/// <summary>The scope form; it becomes an import entry and is checked with the import's <see cref="ScopeRules"/>.</summary>
public sealed class ScopeForm
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary>One audience per line.</summary>
    public string? Resources { get; set; }

    public ScopeEntry ToEntry() => new()
    {
        Name = Name?.Trim(),
        DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Resources = [.. (Resources ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)],
    };

    public static ScopeForm From(ScopeEntry entry) => new()
    {
        Name = entry.Name,
        DisplayName = entry.DisplayName,
        Description = entry.Description,
        Resources = string.Join('\n', entry.Resources),
    };

    /// <returns>Each problem with the model-state key of its field. The import's own check runs last,
    /// so nothing the import would refuse is saved from here.</returns>
    public static IReadOnlyList<(string Field, string Message)> Check(ScopeEntry entry, IStringLocalizer<AdminText> text)
    {
        var problems = Localized(entry, text).ToList();
        if (problems.Count == 0)
        {
            var all = new ImportProblems();
            ScopeRules.Check(entry, new HashSet<string>(StringComparer.Ordinal), all.For("scope"));
            problems.AddRange(all.Problems.Select(problem => (string.Empty, (string)text["The scope cannot be saved: {0}", problem.Message])));
        }

        return problems;
    }

    private static IEnumerable<(string Field, string Message)> Localized(ScopeEntry entry, IStringLocalizer<AdminText> text)
    {
        if (string.IsNullOrEmpty(entry.Name) || !ScopeRules.IsScopeToken(entry.Name) || entry.Name.Length > ScopeRules.MaxNameLength)
        {
            yield return ("Form.Name", text["Enter a scope name of printable ASCII characters without spaces, quotes or backslashes, at most {0}.", ScopeRules.MaxNameLength]);
        }
        else if (ClientDescriptors.StandardScopes.ContainsKey(entry.Name))
        {
            yield return ("Form.Name", text["{0} is a standard scope the server always offers.", entry.Name]);
        }

        if (entry.DisplayName is { Length: > TextRules.MaxDisplayNameLength })
        {
            yield return ("Form.DisplayName", text["Use at most {0} characters.", TextRules.MaxDisplayNameLength]);
        }

        if (entry.Description is { Length: > TextRules.MaxDescriptionLength })
        {
            yield return ("Form.Description", text["Use at most {0} characters.", TextRules.MaxDescriptionLength]);
        }
    }
}
