namespace Identity.Server.Features.Import;

/// <summary>
/// Checks a whole file before anything is written, and names every entry that is wrong, so one run
/// shows all there is to fix and a bad file changes nothing.
/// </summary>
public static class ImportValidator
{
    /// <param name="file">The parsed file.</param>
    /// <param name="existingScopes">Scope names already in the database, which clients may use.</param>
    /// <param name="existingConfidentialClients">Client ids of confidential clients in the database, whose
    /// secret an entry of type confidential without a secret keeps.</param>
    public static ImportProblems Validate(ImportFile file, IReadOnlySet<string> existingScopes, IReadOnlySet<string>? existingConfidentialClients = null)
    {
        var problems = new ImportProblems();
        var scopeNames = new HashSet<string>(StringComparer.Ordinal);
        Each(file.Scopes, EntryLabels.Scope, problems, (scope, entry) => ScopeRules.Check(scope, scopeNames, entry));

        var knownScopes = new HashSet<string>(
            ClientDescriptors.StandardScopes.Keys.Concat(existingScopes).Concat(scopeNames), StringComparer.Ordinal);
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        Each(file.Clients, EntryLabels.Client, problems, (client, entry) =>
        {
            ClientRules.Check(client, clientIds, knownScopes, entry);
            ClientRules.CheckSecretKept(client, existingConfidentialClients ?? new HashSet<string>(), entry);
        });

        // Identity compares email addresses case-insensitively (normalized upper case).
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Each(file.Users, EntryLabels.User, problems, (user, entry) => UserRules.Check(user, emails, entry));
        return problems;
    }

    private static void Each<T>(List<T?> entries, Func<int, T?, string> label, ImportProblems problems, Action<T, EntryProblems> check)
        where T : class
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = problems.For(label(i, entries[i]));
            if (entries[i] is { } value)
            {
                check(value, entry);
            }
            else
            {
                entry.Add("is null; remove it or give it fields");
            }
        }
    }
}
