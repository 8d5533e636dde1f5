using System.Diagnostics.Metrics;

namespace Vigil.Server.Ingestion;

/// <summary>The ingestion meter ("Vigil.Ingestion"): what came in, what was refused and why, how the writer keeps up.</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "Vigil.Ingestion";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _batchMilliseconds;

    public IngestionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _stored = meter.CreateCounter<long>("vigil.telemetry.stored", "{message}", "Messages stored");
        _duplicates = meter.CreateCounter<long>("vigil.telemetry.duplicates", "{message}", "Messages dropped as duplicates (same device and seq)");
        _rejected = meter.CreateCounter<long>("vigil.telemetry.rejected", "{message}", "Messages refused, by transport, field and reason");
        _batchMilliseconds = meter.CreateHistogram<double>("vigil.telemetry.batch.duration", "ms", "Time to commit one batch");
        meter.CreateObservableGauge("vigil.telemetry.queue.depth", () => QueueDepth?.Invoke() ?? 0, "{upload}", "Uploads waiting for the writer");
    }

    internal Func<int>? QueueDepth { get; set; }

    public void Stored(int count, int duplicates)
    {
        _stored.Add(count);
        _duplicates.Add(duplicates);
    }

    public void Rejected(string transport, string field, string code) =>
        _rejected.Add(1, new("transport", transport), new("field", field), new("code", code));

    public void Batch(TimeSpan elapsed) => _batchMilliseconds.Record(elapsed.TotalMilliseconds);
}
