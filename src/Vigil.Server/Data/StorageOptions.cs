using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Data;

/// <summary>Where Vigil keeps its data. With no PostgreSQL connection string it uses SQLite files under the data folder.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder (relative paths are taken from the working directory).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>A PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite.</summary>
    public string? Postgres { get; set; }

    public bool UsePostgres => !string.IsNullOrWhiteSpace(Postgres);

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataFolder), "vigil.db");
}
