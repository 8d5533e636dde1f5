namespace Vigil.Server.Ingestion;

/// <summary>Writes a batch of telemetry rows in one transaction, the fast way each database allows.</summary>
public interface ITelemetryWriter
{
    /// <summary>
    /// How many batches may be committing at once, each in its own transaction on its own connection. A device's
    /// uploads always go through the same lane, so its rows are committed in the order they came.
    /// </summary>
    int Lanes { get; }

    /// <summary>
    /// Inserts the rows that are new and skips duplicates (same device and seq, already stored or twice in
    /// the batch). Returns the inserted rows with <see cref="TelemetryRow.IngestId"/> set, once committed.
    /// May be called from every lane at once.
    /// </summary>
    Task<IReadOnlyList<TelemetryRow>> InsertNewAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct);
}
