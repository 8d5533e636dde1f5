using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Drains the pipeline in batches: one transaction per batch, then each upload learns how many of its rows were
/// new and the sinks see the new rows. A batch that fails is retried upload by upload, so one bad upload fails
/// alone and the others are still stored.
/// </summary>
internal sealed class TelemetryWriterService(
    TelemetryPipeline pipeline,
    ITelemetryWriter writer,
    IEnumerable<IStoredTelemetrySink> sinks,
    IngestionMetrics metrics,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<TelemetryWriterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = pipeline.Reader;
        var batch = new List<PendingUpload>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var rows = 0;
                while (rows < options.Value.MaxBatchRows && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    rows += pending.Rows.Count;
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Not acknowledged, so the devices send again.
            foreach (var pending in batch)
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }

            while (reader.TryRead(out var left))
            {
                left.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteAsync(List<PendingUpload> batch, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        IReadOnlyList<TelemetryRow> inserted;
        try
        {
            inserted = await InsertAsync(batch.SelectMany(p => p.Rows).ToList(), now, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            logger.TelemetryBatchFailed(e, batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending], ct);
            }

            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.TelemetryUploadFailed(e, batch[0].Rows[0].DeviceId);
            batch[0].Stored.TrySetException(e);
            return;
        }

        metrics.Batch(Stopwatch.GetElapsedTime(started));
        var fresh = inserted.ToHashSet();
        foreach (var pending in batch)
        {
            var stored = pending.Rows.Count(fresh.Contains);
            metrics.Stored(stored, pending.Rows.Count - stored);
            pending.Stored.TrySetResult(stored);
        }

        foreach (var sink in sinks)
        {
            try
            {
                await sink.OnStoredAsync(inserted, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The rows are stored; the rules replay them from the store when they next run for the device.
                logger.TelemetrySinkFailed(e, sink.GetType().Name);
            }
        }
    }

    private async Task<IReadOnlyList<TelemetryRow>> InsertAsync(List<TelemetryRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            row.ReceivedAt = now;
        }

        return rows.Count == 0 ? [] : await writer.InsertNewAsync(rows, ct);
    }
}
