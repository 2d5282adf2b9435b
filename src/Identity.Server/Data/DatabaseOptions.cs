using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Data;

/// <summary>Where the service keeps its data.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Folder for the embedded database, the outbox and other local files; relative paths are
    /// resolved against the content root. Default <c>data</c>.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending EF Core migrations when the server starts. Default <c>true</c>;
    /// turn off where deployments run the <c>migrate</c> command separately.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
