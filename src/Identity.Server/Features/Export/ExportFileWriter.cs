using System.Text.Json;
using System.Text.Json.Serialization;
using Identity.Server.Features.Import;

namespace Identity.Server.Features.Export;

/// <summary>Writes an <see cref="ImportFile"/> as the import reads it: camelCase, indented, fields without a value left out.</summary>
public static class ExportFileWriter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <param name="secret">The file holds password and secret hashes: only its owner may read it (on Unix).</param>
    public static async Task WriteAsync(string path, ImportFile file, bool secret, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (secret && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await JsonSerializer.SerializeAsync(stream, file, Options, cancellationToken);
        }

        // Replaced whole, so a failed export never leaves half a file where a good one was.
        File.Move(temporary, full, overwrite: true);
    }
}
