using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Ingestion;

/// <summary>How telemetry flows into the store ("Ingestion" section).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Uploads waiting for the writer; when full, transports wait (and acknowledgements slow down).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>The most rows written in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchRows { get; set; } = 5_000;

    /// <summary>
    /// PostgreSQL: how many batches may commit at once, each on its own connection (a device always uses the same
    /// one, so its rows keep their order). SQLite has one writer. Two by default: measured against one on a shared
    /// 2-core machine (docs/benchmarks.md, "PostgreSQL writer: binary COPY into the partitions, two lanes").
    /// </summary>
    [Range(1, 64)]
    public int PostgresWriters { get; set; } = 2;

    /// <summary>Uploads (HTTP batches or MQTT messages) one device may send per minute.</summary>
    [Range(1, 100_000)]
    public int UploadsPerMinute { get; set; } = 120;

    /// <summary>Days of telemetry kept; older days are dropped whole.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 365;
}
