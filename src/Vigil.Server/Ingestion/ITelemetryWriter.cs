namespace Vigil.Server.Ingestion;

/// <summary>Writes a batch of telemetry rows in one transaction, the fast way each database allows.</summary>
public interface ITelemetryWriter
{
    /// <summary>
    /// Inserts the rows that are new and skips duplicates (same device and seq, already stored or twice in
    /// the batch). Returns the inserted rows with <see cref="TelemetryRow.IngestId"/> set, once committed.
    /// </summary>
    Task<IReadOnlyList<TelemetryRow>> InsertNewAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct);
}
