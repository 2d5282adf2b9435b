using System.Text.Json;

namespace Identity.Server.Features.Import;

/// <summary>What reading an import file gave: the parsed file, or why it could not be read.</summary>
public abstract record ImportFileReadResult
{
    public sealed record Loaded(ImportFile File) : ImportFileReadResult;

    public sealed record Failed(string Message) : ImportFileReadResult;
}

/// <summary>
/// Reads an import file strictly: camelCase names, comments and trailing commas allowed, but an
/// unknown or repeated field is an error rather than silently ignored — a misspelt
/// <c>redirectUri</c> must not leave a client without the redirect URI its owner meant to register.
/// </summary>
public static class ImportFileReader
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
    };

    public static async Task<ImportFileReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new ImportFileReadResult.Failed($"{path}: the file does not exist (looked for {Path.GetFullPath(path)}).");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var file = await JsonSerializer.DeserializeAsync<ImportFile>(stream, Options, cancellationToken);
            return file is null
                ? new ImportFileReadResult.Failed($"{path}: the file holds null instead of an object with scopes, clients and users.")
                : new ImportFileReadResult.Loaded(file);
        }
        catch (JsonException exception)
        {
            return new ImportFileReadResult.Failed($"{path}: {Describe(exception)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ImportFileReadResult.Failed($"{path}: the file cannot be read ({exception.Message}).");
        }
    }

    /// <summary>"line 4, position 12 (at $.users[0].emailConfirmed): what is wrong", 1-based like an editor.</summary>
    public static string Describe(JsonException exception)
    {
        // The serializer appends its own "Path: … | LineNumber: … | BytePositionInLine: …" (0-based); say it once, 1-based.
        var message = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            message = at > 0 ? message[..at] : message;
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && exception.Path is { } field)
        {
            message = $"unknown field \"{field[(field.LastIndexOf('.') + 1)..]}\" (field names are camelCase and case-sensitive)";
        }

        var where = exception.LineNumber is { } line
            ? $"line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
            : "position unknown";
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" (at {exception.Path})";
        return $"{where}{path}: {message}";
    }
}
