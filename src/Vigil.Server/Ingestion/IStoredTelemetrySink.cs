namespace Vigil.Server.Ingestion;

/// <summary>Told of rows right after they are committed (the rules engine). Rows of one device come in commit order.</summary>
public interface IStoredTelemetrySink
{
    ValueTask OnStoredAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct);
}
