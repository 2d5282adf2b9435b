namespace Identity.Server.Features.Import;

/// <summary>One thing wrong with one entry: <c>clients[1] (clientId "web"): redirectUris[0] "ftp://x" is not an http(s) URL</c>.</summary>
public sealed record ImportProblem(string Entry, string Message)
{
    public override string ToString() => $"{Entry}: {Message}";
}

/// <summary>Everything validation found: problems stop the import, warnings do not.</summary>
public sealed class ImportProblems
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<ImportProblem> _warnings = [];

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public IReadOnlyList<ImportProblem> Warnings => _warnings;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>A reporter bound to one entry, so rules only say what is wrong.</summary>
    public EntryProblems For(string entry) => new(this, entry);

    public void Add(ImportProblem problem) => _problems.Add(problem);

    public void Warn(ImportProblem warning) => _warnings.Add(warning);
}

/// <summary>Problems and warnings about one entry of the file.</summary>
public sealed class EntryProblems(ImportProblems all, string entry)
{
    public string Entry => entry;

    public void Add(string message) => all.Add(new ImportProblem(entry, message));

    public void Warn(string message) => all.Warn(new ImportProblem(entry, message));
}
